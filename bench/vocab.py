"""Word pools for the synthetic plans: directives, units, duties, deadlines, outputs.

Everything the generator says comes from these tables, so a new topic, unit or phrasing
is a data change. Duties are built from an object, one of the verbs that fit it and an
optional purpose of one topic, which gives every shared duty many paraphrases; ``{product}``
and ``{place}`` are filled per task so that some duties are distinct to a province.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Central:
    """A nationwide document a chain can start from."""

    key: str  # "57-NQ/TW"
    doctype: str  # "Nghị quyết"
    date: str  # ISO
    issuer: str
    subject: str
    programme: tuple[str, str] | None  # the Government's action programme: (key, ISO date)
    topics: tuple[str, ...]  # topics its plans favour


CENTRAL: tuple[Central, ...] = (
    Central("57-NQ/TW", "Nghị quyết", "2024-12-22", "Bộ Chính trị",
            "về đột phá phát triển khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số "
            "quốc gia", ("03/NQ-CP", "2025-01-09"),
            ("startup", "digital", "research", "budget", "ip", "propaganda")),
    Central("36-NQ/TW", "Nghị quyết", "2023-01-30", "Bộ Chính trị",
            "về phát triển và ứng dụng công nghệ sinh học phục vụ phát triển bền vững đất nước "
            "trong tình hình mới", ("189/NQ-CP", "2023-11-16"),
            ("biotech", "research", "transfer", "ip", "propaganda", "people")),
    Central("52-NQ/TW", "Nghị quyết", "2019-09-27", "Bộ Chính trị",
            "về một số chủ trương, chính sách chủ động tham gia cuộc Cách mạng công nghiệp lần "
            "thứ tư", ("50/NQ-CP", "2020-04-17"),
            ("digital", "startup", "transfer", "people", "research")),
    Central("19-NQ/TW", "Nghị quyết", "2022-06-16", "Ban Chấp hành Trung ương",
            "về nông nghiệp, nông dân, nông thôn đến năm 2030, tầm nhìn đến năm 2045",
            ("26/NQ-CP", "2023-03-07"),
            ("transfer", "traceability", "barcode", "ocop", "ip", "quality")),
    Central("61-KL/TW", "Kết luận", "2019-12-03", "Ban Bí thư",
            "về tiếp tục thực hiện Đề án nâng cao vai trò, trách nhiệm của Hội Nông dân Việt Nam",
            None, ("transfer", "ip", "barcode", "traceability", "ocop")),
    Central("100/QĐ-TTg", "Quyết định", "2019-01-19", "Thủ tướng Chính phủ",
            "phê duyệt Đề án triển khai, áp dụng và quản lý hệ thống truy xuất nguồn gốc", None,
            ("traceability", "barcode", "quality", "inspection")),
    Central("1322/QĐ-TTg", "Quyết định", "2020-08-31", "Thủ tướng Chính phủ",
            "phê duyệt Chương trình quốc gia hỗ trợ doanh nghiệp nâng cao năng suất và chất "
            "lượng sản phẩm, hàng hóa giai đoạn 2021-2030", None,
            ("quality", "barcode", "measurement", "traceability")),
    Central("2205/QĐ-TTg", "Quyết định", "2020-12-24", "Thủ tướng Chính phủ",
            "phê duyệt Chương trình phát triển tài sản trí tuệ đến năm 2030", None,
            ("ip", "ocop", "inspection", "propaganda")),
    Central("844/QĐ-TTg", "Quyết định", "2016-05-18", "Thủ tướng Chính phủ",
            "phê duyệt Đề án Hỗ trợ hệ sinh thái khởi nghiệp đổi mới sáng tạo quốc gia đến năm "
            "2025", None, ("startup", "transfer", "propaganda")),
    Central("919/QĐ-TTg", "Quyết định", "2022-08-01", "Thủ tướng Chính phủ",
            "phê duyệt Chương trình mỗi xã một sản phẩm giai đoạn 2021-2025", None,
            ("ocop", "ip", "barcode", "traceability", "quality")),
)

# Local directives of the provincial People's Committee or its Chairman: (type code, type
# word, issuer, subject template).
LOCAL_DIRECTIVES: tuple[tuple[str, str, str, str], ...] = (
    ("CT", "Chỉ thị", "Chủ tịch UBND tỉnh",
     "về tăng cường hoạt động khoa học và công nghệ trên địa bàn tỉnh"),
    ("QĐ", "Quyết định", "UBND tỉnh",
     "về việc phê duyệt nhiệm vụ trọng tâm năm {year} của các cơ quan, đơn vị"),
    ("KH", "Kế hoạch", "UBND tỉnh", "về nâng cao năng suất và chất lượng sản phẩm, hàng hóa"),
    ("QĐ", "Quyết định", "UBND tỉnh", "ban hành Chương trình công tác năm {year}"),
)

# Internal units of a Department of Science and Technology: key → spellings. The first is
# the full name; later ones are the case and abbreviation variants real plans use.
INTERNAL: dict[str, tuple[str, ...]] = {
    "vp": ("Văn phòng Sở", "Văn phòng"),
    "tt": ("Thanh tra Sở", "Thanh tra"),
    "khtc": ("Phòng Kế hoạch – Tài chính", "Phòng Kế hoạch - Tài chính",
             "Phòng Kế hoạch Tài chính"),
    "qlkh": ("Phòng Quản lý khoa học", "Phòng Quản lý Khoa học", "Phòng QLKH"),
    "qlcn_shtt": ("Phòng Quản lý công nghệ và Sở hữu trí tuệ",
                  "Phòng Quản lý Công nghệ và Sở hữu trí tuệ", "Phòng QLCN&SHTT"),
    "qlcn_dmst": ("Phòng Quản lý công nghệ và Đổi mới sáng tạo",
                  "Phòng Quản lý Công nghệ và Đổi mới sáng tạo"),
    "qlcn_tt": ("Phòng Quản lý công nghệ và Thị trường công nghệ",
                "Phòng Quản lý Công nghệ và Thị trường công nghệ"),
    "qlcng": ("Phòng Quản lý chuyên ngành", "Phòng Quản lý Chuyên ngành"),
    "tdc": ("Chi cục Tiêu chuẩn Đo lường Chất lượng", "Chi cục TĐC",
            "Chi cục Tiêu chuẩn - Đo lường - Chất lượng"),
    "ttud": ("Trung tâm Ứng dụng tiến bộ khoa học và công nghệ",
             "Trung tâm Ứng dụng tiến bộ KH&CN",
             "Trung tâm Ứng dụng Tiến bộ Khoa học và Công nghệ"),
    "ttkh": ("Trung tâm Khoa học và Công nghệ", "Trung tâm KH&CN"),
    "ttkt": ("Trung tâm Kỹ thuật Tiêu chuẩn Đo lường Chất lượng", "Trung tâm Kỹ thuật TĐC"),
    "cds": ("Phòng Chuyển đổi số", "Phòng Bưu chính, Viễn thông và Chuyển đổi số"),
}

# Outside partners by period: before the March 2025 reorganisation and after it.
EXTERNAL_BEFORE: tuple[str, ...] = (
    "Sở Công Thương", "Công an tỉnh", "Sở Nông nghiệp và Phát triển nông thôn",
    "Sở Kế hoạch và Đầu tư", "Sở Thông tin và Truyền thông", "Sở Văn hóa, Thể thao và Du lịch",
    "Sở Lao động - Thương binh và Xã hội", "Sở Tài chính", "Sở Nội vụ", "Sở Y tế",
    "Sở Giáo dục và Đào tạo", "Tỉnh Đoàn", "Hội Nông dân tỉnh", "Liên minh Hợp tác xã tỉnh",
    "Hội Liên hiệp Phụ nữ tỉnh", "Cục Quản lý thị trường tỉnh", "UBND cấp huyện",
    "UBND các huyện, thị xã, thành phố", "Ban Quản lý các Khu công nghiệp tỉnh",
    "Hiệp hội Doanh nghiệp tỉnh", "Cục Thống kê tỉnh",
)
EXTERNAL_AFTER: tuple[str, ...] = (
    "Sở Công Thương", "Công an tỉnh", "Sở Nông nghiệp và Môi trường", "Sở Tài chính",
    "Sở Văn hóa, Thể thao và Du lịch", "Sở Nội vụ", "Sở Y tế", "Sở Giáo dục và Đào tạo",
    "Tỉnh Đoàn", "Hội Nông dân tỉnh", "Liên minh Hợp tác xã tỉnh", "Hội Liên hiệp Phụ nữ tỉnh",
    "Chi cục Quản lý thị trường tỉnh", "UBND các xã, phường", "Hiệp hội Doanh nghiệp tỉnh",
    "Thống kê tỉnh",
)
COLLECTIVE: tuple[str, ...] = (
    "Các phòng, đơn vị trực thuộc Sở", "Các phòng, đơn vị thuộc Sở", "các sở, ban, ngành tỉnh",
    "Các phòng chuyên môn, đơn vị sự nghiệp thuộc Sở",
)
# Departments a People's Committee plan gives duties to.
PROVINCIAL_BODIES: tuple[str, ...] = (
    "Sở Khoa học và Công nghệ", "Sở Tài chính", "Sở Nội vụ", "Sở Công Thương", "Công an tỉnh",
    "Sở Giáo dục và Đào tạo", "Sở Y tế", "Sở Văn hóa, Thể thao và Du lịch", "Tỉnh Đoàn",
)


@dataclass(frozen=True)
class Topic:
    """A kind of duty: who leads it, its phrasings, its steps and its outputs.

    ``duties`` pairs each object with the verbs that fit it, so every combination reads as
    a real duty; ``purposes`` are optional endings shared by the topic.
    """

    title: str  # section heading in numbered layouts
    leads: tuple[str, ...]  # INTERNAL keys that lead it
    duties: tuple[tuple[tuple[str, ...], str], ...]  # ((verbs …), object)
    purposes: tuple[str, ...]
    steps: tuple[str, ...]
    outputs: tuple[str, ...]  # "{n}" is a small number


TOPICS: dict[str, Topic] = {
    "barcode": Topic(
        "Hỗ trợ đăng ký và sử dụng mã số mã vạch", ("tdc",),
        ((("Hướng dẫn", "Tư vấn", "Phổ biến, hướng dẫn"),
          "thủ tục đăng ký mã số mã vạch cho sản phẩm hàng hóa của doanh nghiệp, hợp tác xã"),
         (("Hướng dẫn", "Hỗ trợ hoàn thiện", "Tiếp nhận, hướng dẫn"),
          "hồ sơ cấp, gia hạn mã số, mã vạch cho cơ sở sản xuất trên địa bàn"),
         (("Hỗ trợ", "Hướng dẫn", "Vận động"),
          "doanh nghiệp, hộ kinh doanh đăng ký sử dụng mã số mã vạch theo quy định"),
         (("Hỗ trợ", "Tư vấn cho", "Hướng dẫn"),
          "chủ thể OCOP làm thủ tục đăng ký mã số, mã vạch cho sản phẩm {product}")),
        ("", " nhằm minh bạch thông tin sản phẩm", " phục vụ truy xuất nguồn gốc",
         " để sản phẩm đủ điều kiện vào hệ thống phân phối hiện đại"),
        ("Rà soát nhu cầu của doanh nghiệp, hợp tác xã",
         "Tổ chức lớp tập huấn về mã số mã vạch", "Hướng dẫn hoàn thiện hồ sơ",
         "Theo dõi, tổng hợp kết quả cấp mã"),
        ("{n} doanh nghiệp, hợp tác xã được hướng dẫn", "100% hồ sơ được hướng dẫn đúng hạn",
         "{n} lớp tập huấn"),
    ),
    "traceability": Topic(
        "Triển khai truy xuất nguồn gốc", ("tdc",),
        ((("Triển khai", "Hướng dẫn áp dụng", "Mở rộng việc áp dụng"),
          "hệ thống truy xuất nguồn gốc cho sản phẩm {product}"),
         (("Hướng dẫn sử dụng", "Triển khai", "Phổ biến việc dùng"),
          "tem truy xuất nguồn gốc trên bao bì sản phẩm chủ lực của tỉnh"),
         (("Hỗ trợ cơ sở sản xuất", "Hướng dẫn doanh nghiệp", "Đôn đốc các cơ sở"),
          "kết nối dữ liệu với Cổng thông tin truy xuất nguồn gốc sản phẩm, hàng hóa quốc gia"),
         (("Xây dựng", "Hỗ trợ xây dựng", "Nhân rộng"),
          "mô hình truy xuất nguồn gốc theo chuỗi giá trị cho {product}")),
        ("", " gắn với mã số vùng trồng", " đáp ứng yêu cầu của thị trường xuất khẩu",
         " theo tiêu chuẩn quốc gia về truy xuất nguồn gốc"),
        ("Khảo sát, lựa chọn cơ sở tham gia", "Hướng dẫn cơ sở khai báo dữ liệu",
         "Kiểm tra việc dán tem truy xuất", "Đánh giá, nhân rộng mô hình"),
        ("{n} cơ sở áp dụng truy xuất nguồn gốc", "{n} mô hình truy xuất nguồn gốc",
         "Báo cáo đánh giá kết quả áp dụng"),
    ),
    "ip": Topic(
        "Phát triển tài sản trí tuệ", ("qlcn_shtt", "qlcng", "qlcn_dmst"),
        ((("Hỗ trợ", "Hướng dẫn", "Tư vấn, hỗ trợ"),
          "tạo lập, quản lý và phát triển nhãn hiệu tập thể cho sản phẩm {product}"),
         (("Hỗ trợ", "Đẩy mạnh", "Hướng dẫn thủ tục"),
          "xác lập quyền sở hữu trí tuệ cho đặc sản của địa phương"),
         (("Hỗ trợ", "Hướng dẫn hồ sơ", "Tư vấn"),
          "đăng ký bảo hộ nhãn hiệu chứng nhận, chỉ dẫn địa lý cho {product}"),
         (("Hướng dẫn", "Hỗ trợ"),
          "tổ chức tập thể xây dựng quy chế quản lý, sử dụng nhãn hiệu")),
        ("", " nhằm nâng cao giá trị thương mại", " gắn với Chương trình OCOP",
         " và kiểm soát việc sử dụng nhãn hiệu"),
        ("Rà soát, lựa chọn sản phẩm", "Hướng dẫn lập hồ sơ đăng ký",
         "Nộp đơn và theo dõi thẩm định đơn", "Tổ chức công bố văn bằng bảo hộ"),
        ("{n} nhãn hiệu được cấp văn bằng bảo hộ", "{n} đơn đăng ký được chấp nhận hợp lệ",
         "Quy chế quản lý nhãn hiệu được ban hành"),
    ),
    "startup": Topic(
        "Hỗ trợ khởi nghiệp đổi mới sáng tạo", ("qlcn_dmst", "qlcn_tt", "ttkh", "ttud"),
        ((("Hỗ trợ", "Tư vấn, ươm tạo", "Đồng hành cùng"),
          "các dự án khởi nghiệp đổi mới sáng tạo của thanh niên, sinh viên"),
         (("Tổ chức", "Chủ động tổ chức", "Phối hợp tổ chức"),
          "Ngày hội khởi nghiệp đổi mới sáng tạo cấp tỉnh"),
         (("Kết nối", "Hỗ trợ kết nối", "Giới thiệu"),
          "dự án khởi nghiệp với quỹ đầu tư và chuyên gia cố vấn"),
         (("Ươm tạo", "Hỗ trợ hoàn thiện", "Tuyển chọn"),
          "ý tưởng khởi nghiệp gắn với sản phẩm {product}")),
        ("", " nhằm phát triển hệ sinh thái khởi nghiệp của tỉnh",
         " theo Đề án hỗ trợ hệ sinh thái khởi nghiệp"),
        ("Phát động cuộc thi ý tưởng", "Lựa chọn dự án tiềm năng",
         "Tổ chức huấn luyện, cố vấn", "Kết nối nhà đầu tư"),
        ("{n} dự án khởi nghiệp được hỗ trợ", "01 Ngày hội khởi nghiệp",
         "{n} ý tưởng được ươm tạo"),
    ),
    "propaganda": Topic(
        "Thông tin, tuyên truyền", ("vp", "ttkh", "qlkh"),
        ((("Tuyên truyền, phổ biến", "Quán triệt", "Phổ biến"),
          "nội dung của {directive} đến cán bộ, công chức, viên chức của Sở"),
         (("Đăng tải", "Thường xuyên cập nhật", "Biên tập, đăng tải"),
          "tin, bài về kết quả ứng dụng khoa học và công nghệ trên Cổng thông tin điện tử của Sở"),
         (("Tuyên truyền", "Giới thiệu", "Phổ biến"),
          "các mô hình ứng dụng tiến bộ kỹ thuật tiêu biểu trên địa bàn tỉnh"),
         (("Duy trì", "Phối hợp thực hiện", "Xây dựng"),
          "chuyên mục khoa học và công nghệ trên báo, đài của tỉnh")),
        ("", " bằng nhiều hình thức phù hợp", " gắn với chuyển đổi số"),
        ("Xây dựng nội dung tuyên truyền", "Phối hợp với cơ quan báo chí",
         "Tổng hợp, đánh giá hiệu quả"),
        ("Hội nghị quán triệt", "{n} tin, bài được đăng tải", "Chuyên mục được duy trì"),
    ),
    "research": Topic(
        "Nhiệm vụ khoa học và công nghệ", ("qlkh",),
        ((("Đặt hàng", "Tổ chức tuyển chọn, giao trực tiếp", "Quản lý"),
          "nhiệm vụ khoa học và công nghệ cấp tỉnh phục vụ phát triển kinh tế - xã hội"),
         (("Đề xuất", "Tổ chức thực hiện", "Theo dõi, kiểm tra"),
          "đề tài, dự án về giống cây trồng, vật nuôi có năng suất cao"),
         (("Đặt hàng", "Ưu tiên bố trí"),
          "nhiệm vụ khoa học và công nghệ gắn với sản phẩm chủ lực {product}"),
         (("Tổng hợp, đề xuất", "Xây dựng"),
          "danh mục nhiệm vụ khoa học và công nghệ năm sau")),
        ("", " theo cơ chế khoán chi đến sản phẩm cuối cùng", " bám sát nhu cầu thực tiễn",
         " bảo đảm tiến độ, chất lượng"),
        ("Thông báo đề xuất đặt hàng", "Tổ chức hội đồng tư vấn", "Kiểm tra tiến độ",
         "Nghiệm thu kết quả"),
        ("{n} nhiệm vụ được phê duyệt", "Danh mục nhiệm vụ được UBND tỉnh phê duyệt",
         "Báo cáo kết quả nghiệm thu"),
    ),
    "transfer": Topic(
        "Chuyển giao, ứng dụng tiến bộ khoa học và công nghệ", ("ttud", "qlkh"),
        ((("Chuyển giao", "Hướng dẫn áp dụng"),
          "tiến bộ kỹ thuật trong sản xuất {product} cho nông dân"),
         (("Chuyển giao", "Xây dựng mô hình áp dụng"),
          "quy trình canh tác tiên tiến cho hợp tác xã tại {place}"),
         (("Ứng dụng", "Nhân rộng", "Đưa"),
          "kết quả nghiên cứu đã nghiệm thu vào sản xuất"),
         (("Chuyển giao", "Ứng dụng", "Xây dựng mô hình ứng dụng"),
          "công nghệ sau thu hoạch cho {plant}")),
        ("", " nhằm nâng cao năng suất, chất lượng", " thích ứng với biến đổi khí hậu",
         " gắn với xây dựng nông thôn mới"),
        ("Lựa chọn địa điểm, hộ tham gia", "Tập huấn kỹ thuật", "Theo dõi, hướng dẫn",
         "Tổng kết, đánh giá mô hình"),
        ("{n} mô hình được xây dựng", "{n} hộ được chuyển giao", "Quy trình kỹ thuật"),
    ),
    "biotech": Topic(
        "Phát triển và ứng dụng công nghệ sinh học", ("qlkh", "ttud"),
        ((("Nghiên cứu, ứng dụng", "Hỗ trợ ứng dụng", "Khuyến khích sử dụng"),
          "chế phẩm sinh học trong xử lý phụ phẩm nông nghiệp"),
         (("Ứng dụng", "Hoàn thiện", "Chuyển giao"),
          "công nghệ nuôi cấy mô để nhân giống {plant}"),
         (("Ứng dụng", "Hỗ trợ ứng dụng", "Phát triển"),
          "công nghệ vi sinh trong nuôi trồng thủy sản"),
         (("Nghiên cứu, ứng dụng", "Khuyến khích ứng dụng"),
          "công nghệ sinh học trong bảo quản, chế biến {product}")),
        ("", " phục vụ sản xuất và đời sống", " hướng tới nông nghiệp an toàn sinh học"),
        ("Khảo sát nhu cầu", "Xây dựng quy trình", "Sản xuất thử nghiệm", "Đánh giá hiệu quả"),
        ("{n} quy trình công nghệ", "{n} mô hình ứng dụng", "Báo cáo đánh giá"),
    ),
    "quality": Topic(
        "Nâng cao năng suất, chất lượng", ("tdc", "qlcng"),
        ((("Hỗ trợ", "Hướng dẫn", "Khuyến khích"),
          "doanh nghiệp áp dụng hệ thống quản lý chất lượng tiên tiến"),
         (("Phổ biến", "Hướng dẫn áp dụng", "Triển khai"),
          "công cụ cải tiến năng suất chất lượng cho doanh nghiệp nhỏ và vừa"),
         (("Hướng dẫn", "Hỗ trợ"),
          "cơ sở sản xuất công bố tiêu chuẩn áp dụng, công bố hợp quy"),
         (("Hỗ trợ", "Hướng dẫn"),
          "xây dựng tiêu chuẩn cơ sở cho sản phẩm {product}")),
        ("", " nhằm nâng cao sức cạnh tranh", " đáp ứng yêu cầu hội nhập"),
        ("Khảo sát doanh nghiệp", "Tư vấn áp dụng", "Đánh giá, chứng nhận"),
        ("{n} doanh nghiệp được hỗ trợ", "{n} doanh nghiệp được cấp chứng nhận",
         "Báo cáo kết quả"),
    ),
    "measurement": Topic(
        "Quản lý đo lường", ("ttkt", "tdc"),
        ((("Kiểm định", "Kiểm tra"), "phương tiện đo nhóm 2 dùng trong thương mại bán lẻ"),
         (("Kiểm định, hiệu chuẩn", "Kiểm tra đo lường đối với"),
          "cân ô tô, cột đo xăng dầu trên địa bàn tỉnh"),
         (("Kiểm định", "Phối hợp kiểm định"),
          "đồng hồ đo nước tại các đơn vị cấp nước sạch"),
         (("Kiểm định, hiệu chuẩn", "Quản lý"), "phương tiện đo dùng trong khám, chữa bệnh")),
        ("", " bảo đảm quyền lợi người tiêu dùng"),
        ("Lập danh sách phương tiện đo", "Kiểm định, niêm phong", "Xử lý vi phạm"),
        ("100% phương tiện đo được kiểm định", "{n} phương tiện đo được hiệu chuẩn"),
    ),
    "inspection": Topic(
        "Thanh tra, kiểm tra", ("tt",),
        ((("Thanh tra, kiểm tra", "Kiểm tra"),
          "chất lượng hàng hóa, nhãn hàng hóa lưu thông trên thị trường"),
         (("Thanh tra", "Kiểm tra"), "việc chấp hành quy định về sở hữu công nghiệp"),
         (("Kiểm tra", "Phối hợp kiểm tra"), "hoạt động kinh doanh xăng dầu, khí dầu mỏ hóa lỏng"),
         (("Kiểm tra", "Phối hợp kiểm tra"),
          "việc ghi nhãn, tem truy xuất nguồn gốc hàng hóa tại chợ, siêu thị")),
        ("", " và xử lý nghiêm các vi phạm", " theo kế hoạch được phê duyệt"),
        ("Xây dựng kế hoạch thanh tra", "Tổ chức đoàn kiểm tra", "Xử lý, kiến nghị"),
        ("Báo cáo kết quả thanh tra", "Kết luận thanh tra"),
    ),
    "digital": Topic(
        "Chuyển đổi số", ("cds", "vp"),
        ((("Xây dựng", "Hoàn thiện", "Cập nhật"), "cơ sở dữ liệu khoa học và công nghệ của tỉnh"),
         (("Cung cấp", "Rà soát, nâng cấp"),
          "dịch vụ công trực tuyến toàn trình thuộc lĩnh vực của Sở"),
         (("Vận hành", "Triển khai"),
          "hệ thống quản lý văn bản và hồ sơ công việc trên môi trường mạng"),
         (("Xây dựng", "Triển khai", "Vận hành"),
          "nền tảng số dùng chung phục vụ quản lý nhiệm vụ khoa học")),
        ("", " kết nối với hệ thống thông tin quốc gia", " bảo đảm an toàn thông tin"),
        ("Khảo sát hiện trạng", "Xây dựng giải pháp", "Triển khai, vận hành thử",
         "Đưa vào vận hành chính thức"),
        ("Cơ sở dữ liệu được vận hành", "100% thủ tục được cung cấp trực tuyến",
         "Hệ thống vận hành ổn định"),
    ),
    "budget": Topic(
        "Bảo đảm nguồn lực", ("khtc",),
        ((("Tham mưu bố trí", "Đề xuất bố trí"),
          "kinh phí sự nghiệp khoa học và công nghệ tối thiểu đạt {pct}% tổng chi ngân sách"),
         (("Đề xuất", "Tham mưu huy động"),
          "nguồn vốn đầu tư phát triển tiềm lực khoa học và công nghệ"),
         (("Xây dựng", "Tổng hợp"), "dự toán kinh phí thực hiện Kế hoạch hằng năm")),
        ("", " theo quy định"),
        ("Tổng hợp nhu cầu", "Xây dựng dự toán", "Trình cấp có thẩm quyền"),
        ("Dự toán được phê duyệt", "Tối thiểu {pct}% tổng chi ngân sách"),
    ),
    "people": Topic(
        "Phát triển nguồn nhân lực", ("vp",),
        ((("Cử", "Tạo điều kiện cho"),
          "công chức, viên chức tham gia đào tạo, bồi dưỡng chuyên môn"),
         (("Tổ chức", "Phối hợp tổ chức"), "lớp bồi dưỡng kiến thức quản lý khoa học và công nghệ"),
         (("Tham mưu", "Đề xuất"),
          "chính sách thu hút chuyên gia, nhà khoa học về làm việc tại tỉnh")),
        ("", " đáp ứng yêu cầu nhiệm vụ"),
        ("Tổng hợp nhu cầu đào tạo", "Tổ chức lớp học", "Đánh giá kết quả"),
        ("{n} lượt công chức, viên chức được đào tạo", "01 lớp bồi dưỡng"),
    ),
    "ocop": Topic(
        "Hỗ trợ Chương trình OCOP", ("qlkh", "qlcn_shtt", "tdc"),
        ((("Hỗ trợ", "Tư vấn cho"), "chủ thể OCOP hoàn thiện hồ sơ sản phẩm {product}"),
         (("Hỗ trợ", "Thúc đẩy"),
          "nâng hạng sản phẩm OCOP thông qua ứng dụng khoa học và công nghệ"),
         (("Hướng dẫn", "Hỗ trợ"), "chủ thể OCOP xây dựng tiêu chuẩn cơ sở và nhãn hàng hóa")),
        ("", " đạt 3 sao trở lên"),
        ("Rà soát sản phẩm", "Tư vấn hoàn thiện hồ sơ", "Đánh giá, phân hạng"),
        ("{n} sản phẩm OCOP được hỗ trợ", "{n} sản phẩm được nâng hạng"),
    ),
}

PRODUCTS: tuple[str, ...] = (
    "cà phê", "hồ tiêu", "sầu riêng", "bưởi da xanh", "thanh long", "nhãn lồng", "vải thiều",
    "chè", "gạo đặc sản", "tôm thẻ chân trắng", "cá tra", "cá ngừ đại dương", "mật ong",
    "quế", "hồi", "sâm", "dược liệu", "nấm linh chi", "dừa", "điều", "xoài", "chuối",
    "bò một nắng", "nước mắm", "rượu truyền thống", "măng tây", "cam sành", "mắc ca",
)
# Crops, for duties that only make sense for plants (tissue culture, post-harvest).
PLANTS: tuple[str, ...] = (
    "cà phê", "hồ tiêu", "sầu riêng", "bưởi da xanh", "thanh long", "nhãn lồng", "vải thiều",
    "chè", "quế", "hồi", "sâm", "dược liệu", "chuối", "xoài", "cam sành", "mắc ca", "măng tây",
)
PLACES: tuple[str, ...] = (
    "các huyện miền núi", "vùng ven biển", "các xã nông thôn mới", "vùng đồng bào dân tộc "
    "thiểu số", "các vùng sản xuất tập trung", "các làng nghề truyền thống",
)

# Deadline templates; {y} is the plan year.
DEADLINES: tuple[str, ...] = (
    "Thường xuyên", "Thường xuyên", "Hằng năm", "Hàng năm", "Cả năm {y}", "Quý I năm {y}",
    "Quý II năm {y}", "Quý III năm {y}", "Quý IV năm {y}", "Quý I, II năm {y}",
    "Dự kiến {y}-{y2}", "Bắt đầu từ năm {y}", "Trước ngày 30/11 hàng năm",
    "Hoàn thành trong năm {y}", "Trước ngày {d}/{m}/{y}", "Năm {y}-{y2}", "Tháng {m}/{y}",
)

PURPOSE_LINES: tuple[str, ...] = (
    "Cụ thể hóa các nhiệm vụ được giao thành việc làm có đơn vị chịu trách nhiệm, thời hạn "
    "và kết quả rõ ràng.",
    "Nâng cao nhận thức của cán bộ, công chức, viên chức về vai trò của khoa học, công nghệ "
    "và đổi mới sáng tạo.",
    "Huy động sự tham gia của doanh nghiệp, hợp tác xã, viện, trường vào hoạt động khoa học "
    "và công nghệ của tỉnh.",
    "Bảo đảm sự phối hợp chặt chẽ giữa các phòng, đơn vị thuộc Sở và với các sở, ngành, địa "
    "phương.",
    "Lồng ghép với chương trình công tác năm của Sở; không phát sinh thêm đầu mối báo cáo.",
    "Các nội dung phải thiết thực, khả thi, phù hợp với chức năng, nhiệm vụ của từng đơn vị.",
    "Định kỳ kiểm tra, đánh giá, kịp thời điều chỉnh những nội dung không còn phù hợp.",
    "Gắn trách nhiệm của người đứng đầu với kết quả thực hiện nhiệm vụ được giao.",
)

SIGNERS: tuple[str, ...] = (
    "Nguyễn Văn An", "Trần Thị Bình", "Lê Quang Cường", "Phạm Thị Dung", "Hoàng Minh Đức",
    "Vũ Thị Hà", "Đặng Văn Hải", "Bùi Thị Hương", "Đỗ Quốc Khánh", "Ngô Thị Lan",
    "Dương Văn Long", "Lý Thị Mai", "Phan Thanh Nam", "Trịnh Thị Oanh", "Hồ Văn Phúc",
    "Mai Thị Quyên", "Tô Văn Sơn", "Châu Thị Thảo", "Lương Văn Toàn", "Đinh Thị Yến",
)

# Old tone placement ("hoà", "thuỷ") as some offices still type it.
OLD_TONES: tuple[tuple[str, str], ...] = (
    ("hóa", "hoá"), ("Hóa", "Hoá"), ("hòa", "hoà"), ("Hòa", "Hoà"), ("thủy", "thuỷ"),
    ("Thủy", "Thuỷ"), ("ủy", "uỷ"), ("Ủy", "Uỷ"), ("khỏe", "khoẻ"), ("tùy", "tuỳ"),
)
