/**
 * The name a reader knows a source by: the outlet or portal behind a host ("nhandan.vn" → "Nhân Dân"). The card
 * shows it instead of the bare host; hosts not in the table keep their host name. Pure.
 */

/** Host (without "www.") → name of the outlet or portal, as the outlet writes it. Subdomains are looked up whole first. */
export const SOURCE_NAMES: Readonly<Record<string, string>> = {
  // Party and state portals and registers
  'tulieuvankien.dangcongsan.vn': 'Tư liệu văn kiện Đảng',
  'dangcongsan.vn': 'Báo điện tử Đảng Cộng sản Việt Nam',
  'cpv.org.vn': 'Báo điện tử Đảng Cộng sản Việt Nam',
  'vanban.chinhphu.vn': 'Hệ thống văn bản Chính phủ',
  'chinhphu.vn': 'Cổng Thông tin điện tử Chính phủ',
  'baochinhphu.vn': 'Báo Chính phủ',
  'news.chinhphu.vn': 'Cổng Thông tin điện tử Chính phủ (English)',
  'xaydungchinhsach.chinhphu.vn': 'Cổng Thông tin điện tử Chính phủ',
  'congbao.chinhphu.vn': 'Công báo',
  'vbpl.vn': 'Cơ sở dữ liệu quốc gia về văn bản pháp luật',
  'quochoi.vn': 'Cổng thông tin điện tử Quốc hội',
  'moj.gov.vn': 'Bộ Tư pháp',
  'tapchicongsan.org.vn': 'Tạp chí Cộng sản',
  'xaydungdang.org.vn': 'Tạp chí Xây dựng Đảng',
  // legal registers
  'thuvienphapluat.vn': 'Thư viện Pháp luật',
  'lawnet.vn': 'LawNet',
  'luatvietnam.vn': 'LuatVietnam',
  'english.luatvietnam.vn': 'LuatVietnam (English)',
  'luatminhkhue.vn': 'Luật Minh Khuê',
  'thukyluat.vn': 'Thư ký luật',
  'vanbanphapluat.co': 'Văn bản pháp luật',
  'hethongphapluat.vn': 'Hệ thống pháp luật',
  'hethongphapluat.com': 'Hệ thống pháp luật',
  'global-regulation.com': 'Global-Regulation',
  'vietnamlawmagazine.vn': 'Vietnam Law & Legal Forum',
  // news outlets
  'nhandan.vn': 'Nhân Dân',
  'en.nhandan.vn': 'Nhân Dân (English)',
  'vietnamplus.vn': 'VietnamPlus',
  'en.vietnamplus.vn': 'VietnamPlus (English)',
  'baomoi.com': 'Báo Mới',
  'bnews.vn': 'BNEWS (TTXVN)',
  'baotintuc.vn': 'Báo Tin tức (TTXVN)',
  'vov.vn': 'VOV',
  'vtcnews.vn': 'VTC News',
  'dantri.com.vn': 'Dân trí',
  'thanhnien.vn': 'Thanh Niên',
  'tuoitre.vn': 'Tuổi Trẻ',
  'vnexpress.net': 'VnExpress',
  'vietnamnet.vn': 'VietNamNet',
  'sggp.org.vn': 'Sài Gòn Giải Phóng',
  'plo.vn': 'Pháp Luật TP.HCM',
  'cand.com.vn': 'Công an nhân dân',
  'amp.cand.com.vn': 'Công an nhân dân',
  'qdnd.vn': 'Quân đội nhân dân',
  'daidoanket.vn': 'Đại Đoàn Kết',
  'kinhtedothi.vn': 'Kinh tế & Đô thị',
  'baonghean.vn': 'Báo Nghệ An',
  'baobinhdinh.vn': 'Báo Bình Định',
  'baokhanhhoa.vn': 'Báo Khánh Hòa',
  'suckhoedoisong.vn': 'Sức khỏe & Đời sống',
  'vietnamagriculture.nongnghiep.vn': 'Nông nghiệp Việt Nam (English)',
  'nongnghiep.vn': 'Nông nghiệp Việt Nam',
  'vir.com.vn': 'Vietnam Investment Review',
};

/** The host of an address without "www.", lower-cased; undefined when it is not a web address. */
function hostOf(url: string): string | undefined {
  const m = /^https?:\/\/([^/\s:?#]+)/i.exec(url);
  return m ? (m[1] as string).toLowerCase().replace(/^www\./, '') : undefined;
}

/** The source's name for an address, or undefined when the host is not in the table. */
export function sourceName(url: string): string | undefined {
  const host = hostOf(url);
  return host ? SOURCE_NAMES[host] : undefined;
}
