"""Reading plans: files → text (:mod:`.readers`, :mod:`.decode`), text → lines
(:mod:`.text`), lines → :class:`~policykg.loaders.model.Plan` (:mod:`.parse`),
and many files at once (:mod:`.batch`)."""
