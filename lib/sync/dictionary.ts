/**
 * The shared dictionary every browser compresses saved references with (deflate's preset dictionary): fragments
 * common in Vietnamese news and official addresses, document codes, Vietnamese words of notes and page titles, and
 * the encoded rows' own punctuation. A short address or note then costs a few bytes. The dictionary is part of
 * the storage format: never edit it; a new one goes with a new format version (sync-items.ts), the old one kept
 * for reading. Pure.
 */
import { utf8 } from './quota';

// Least common first: deflate reaches the end of the dictionary with the shortest distances.
const FRAGMENTS = [
  // Words of notes and page titles (with their marks).
  'tổng kết', 'sơ kết', 'học tập', 'quán triệt', 'triển khai', 'thực hiện', 'lãnh đạo', 'chỉ đạo', 'công tác',
  'cán bộ', 'đảng viên', 'tổ chức', 'cơ sở', 'kinh tế', 'xã hội', 'phát triển', 'đầu tư', 'dự án', 'quản lý',
  'phòng, chống', 'tham nhũng', 'lãng phí', 'tiêu cực', 'giáo dục', 'y tế', 'đất đai', 'môi trường', 'quốc phòng',
  'an ninh', 'đối ngoại', 'chuyển đổi số', 'khoa học', 'công nghệ', 'đổi mới', 'sáng tạo', 'văn hóa',
  'nhiệm vụ', 'giải pháp', 'mục tiêu', 'kết quả', 'tình hình', 'hướng dẫn', 'quy định', 'tăng cường',
  'nâng cao', 'hiệu quả', 'đẩy mạnh', 'tiếp tục', 'đến năm 2030', 'tầm nhìn đến năm 2045', 'giai đoạn',
  'cần đọc', 'đọc lại', 'đọc kỹ', 'xem lại', 'so sánh với', 'trích dẫn', 'dùng cho', 'bài viết', 'luận văn',
  'chương', 'mục', 'điều', 'khoản', 'phụ lục', 'báo cáo', 'đề tài', 'tư liệu', 'ghi chú', 'quan trọng',
  'Nghị quyết Trung ương', 'Ban Chấp hành Trung ương', 'Ban Bí thư', 'Bộ Chính trị', 'Thủ tướng Chính phủ',
  'Chính phủ', 'Quốc hội', 'Ủy ban nhân dân', 'Hội đồng nhân dân', 'Tỉnh ủy', 'Thành ủy', 'Huyện ủy', 'Ban Thường vụ',
  'Ban Tổ chức Trung ương', 'Ban Tuyên giáo', 'Ủy ban Kiểm tra', 'khóa XI', 'khóa XII', 'khóa XIII', 'khóa XIV',
  'Hướng dẫn', 'Kế hoạch', 'Kết luận', 'Quy định', 'Quyết định', 'Thông tư', 'Nghị định', 'Chỉ thị', 'Nghị quyết',
  'của', 'và', 'về', 'các', 'những', 'với', 'trong', 'được', 'cho', 'năm', 'ngày', 'tháng', 'số', 'theo',
  // Codes.
  '/QĐ-UBND', '/UBND-', '/TTr-', '/BC-', '/KH-UBND', '/CV-', '/HD-', '-HD/BTCTW', '-HD/TW', '-QĐ/TW', '-QĐi/TW',
  '-KH/TW', '-TB/TW', '-KL/TW', '-CT/TW', '-NQ/TW', '-NQ/TU', '-CT/TU', '-KH/TU', '/TT-BTC', '/TT-BGDĐT',
  '/QĐ-BYT', '/NQ-HĐND', '/NQ-CP', '/CT-TTg', '/QĐ-TTg', '/NĐ-CP', '/QH15', '/QH14', '/QH13', '/2025/', '/2024/',
  '/2023/', '/2022/', '/2021/', '/2020/', '/2019/', '@2026-', '@2025-', '@2024-', '@2023-', '@2022-', '@2021-',
  '@2020-', '@2019-', '@2018-', '@khóa-',
  // Address fragments: slug words (no marks), paths, hosts.
  'tong-ket', 'so-ket', 'hoc-tap', 'quan-triet', 'trien-khai', 'thuc-hien', 'lanh-dao', 'chi-dao', 'cong-tac',
  'can-bo', 'dang-vien', 'to-chuc', 'co-so', 'kinh-te', 'xa-hoi', 'phat-trien', 'dau-tu', 'du-an', 'quan-ly',
  'phong-chong', 'tham-nhung', 'lang-phi', 'giao-duc', 'y-te', 'dat-dai', 'moi-truong', 'quoc-phong', 'an-ninh',
  'chuyen-doi-so', 'khoa-hoc', 'cong-nghe', 'doi-moi', 'van-hoa', 'nhiem-vu', 'giai-phap', 'ket-qua', 'tinh-hinh',
  'huong-dan', 'quy-dinh', 'tang-cuong', 'nang-cao', 'hieu-qua', 'day-manh', 'tiep-tuc', 'giai-doan', 'nam-20',
  'bo-chinh-tri', 'ban-bi-thu', 'trung-uong', 'chinh-phu', 'thu-tuong', 'quoc-hoi', 'tinh-uy', 'thanh-uy', 'huyen-uy',
  'ubnd', 'hdnd', 'tinh', 'thanh-pho', 'ha-noi', 'tp-hcm', 'da-nang', 'viet-nam', 'dang', 'nhan-dan', 'chi-thi',
  'nghi-quyet', 'nghi-dinh', 'quyet-dinh', 'thong-tu', 'ket-luan', 'ke-hoach', 'van-ban', 'chinh-sach', 'phap-luat',
  'thoi-su', 'chinh-tri', 'kinh-doanh', 'xay-dung-dang', 'tin-tuc', 'su-kien', 'giao-duc-huong-nghiep', 'xa-hoi',
  'https://thuvienphapluat.vn/van-ban/', 'https://vbpl.vn/', 'https://vanban.chinhphu.vn/', 'https://tulieuvankien.dangcongsan.vn/',
  'https://www.tapchicongsan.org.vn/', 'https://www.qdnd.vn/', 'https://www.sggp.org.vn/', 'https://laodong.vn/',
  'https://plo.vn/', 'https://www.vietnamplus.vn/', 'https://vov.vn/', 'https://vtv.vn/', 'https://www.baomoi.com/',
  'http://www.baomoi.com/a/c/', '.epi', 'https://baotintuc.vn/', 'https://vietnamnet.vn/', 'https://thanhnien.vn/',
  'https://tuoitre.vn/', 'https://dangcongsan.vn/', 'https://nhandan.vn/', 'https://baochinhphu.vn/',
  'https://vnexpress.net/', 'https://dantri.com.vn/', '.com.vn/', '.org.vn/', '.gov.vn/', '.vn/', 'https://www.',
  'https://', '.html', '.htm', '.chn', '.aspx?', 'index.php', '-post', '-d',
  // The rows' own punctuation (see sync-items.ts).
  '"],["', '","', '",', ',"', '[["', '"]]', '":["', '{"u":["', '"r":[[', '"n":["', '"d":[[',
];

export const SYNC_DICTIONARY: Uint8Array = utf8(FRAGMENTS.join(' '));
