/**
 * Hanoi's commune-level units since 1 July 2025 (Resolution 1656/NQ-UBTVQH15 on the arrangement of
 * Hanoi's commune-level administrative units): 51 wards (phường) and 75 communes (xã), 126 in all. Listed
 * by the former district they mostly come from. Ids are `ward-` or `commune-` plus the slug of the name,
 * so an id never changes while the name stands (tests and demo accounts rely on `ward-hoan-kiem`).
 */

export const HANOI_WARDS: readonly string[] = [
  // Former Hoàn Kiếm, Ba Đình, Hai Bà Trưng, Đống Đa
  'Hoàn Kiếm',
  'Cửa Nam',
  'Ba Đình',
  'Ngọc Hà',
  'Giảng Võ',
  'Hai Bà Trưng',
  'Vĩnh Tuy',
  'Bạch Mai',
  'Đống Đa',
  'Kim Liên',
  'Văn Miếu - Quốc Tử Giám',
  'Láng',
  'Ô Chợ Dừa',
  // Former Hoàng Mai
  'Hồng Hà',
  'Lĩnh Nam',
  'Hoàng Mai',
  'Vĩnh Hưng',
  'Tương Mai',
  'Định Công',
  'Hoàng Liệt',
  'Yên Sở',
  // Former Thanh Xuân, Cầu Giấy, Tây Hồ
  'Thanh Xuân',
  'Khương Đình',
  'Phương Liệt',
  'Cầu Giấy',
  'Nghĩa Đô',
  'Yên Hòa',
  'Tây Hồ',
  'Phú Thượng',
  // Former Bắc Từ Liêm, Nam Từ Liêm
  'Tây Tựu',
  'Phú Diễn',
  'Xuân Đỉnh',
  'Đông Ngạc',
  'Thượng Cát',
  'Từ Liêm',
  'Xuân Phương',
  'Tây Mỗ',
  'Đại Mỗ',
  // Former Long Biên
  'Long Biên',
  'Bồ Đề',
  'Việt Hưng',
  'Phúc Lợi',
  // Former Hà Đông, Thanh Trì, Chương Mỹ, Sơn Tây
  'Hà Đông',
  'Dương Nội',
  'Yên Nghĩa',
  'Phú Lương',
  'Kiến Hưng',
  'Thanh Liệt',
  'Chương Mỹ',
  'Sơn Tây',
  'Tùng Thiện',
];

export const HANOI_COMMUNES: readonly string[] = [
  // Former Sóc Sơn, Đông Anh, Mê Linh
  'Sóc Sơn',
  'Nội Bài',
  'Kim Anh',
  'Đa Phúc',
  'Trung Giã',
  'Đông Anh',
  'Phúc Thịnh',
  'Thiên Lộc',
  'Thư Lâm',
  'Vĩnh Thanh',
  'Mê Linh',
  'Yên Lãng',
  'Tiến Thắng',
  'Quang Minh',
  // Former Gia Lâm, Thanh Trì, Thường Tín, Phú Xuyên
  'Gia Lâm',
  'Thuận An',
  'Bát Tràng',
  'Phù Đổng',
  'Thanh Trì',
  'Đại Thanh',
  'Nam Phù',
  'Ngọc Hồi',
  'Thường Tín',
  'Hồng Vân',
  'Thượng Phúc',
  'Chương Dương',
  'Phú Xuyên',
  'Phượng Dực',
  'Chuyên Mỹ',
  'Đại Xuyên',
  // Former Ứng Hòa, Mỹ Đức, Thanh Oai, Chương Mỹ
  'Vân Đình',
  'Ứng Thiên',
  'Hòa Xá',
  'Ứng Hòa',
  'Mỹ Đức',
  'Hồng Sơn',
  'Phúc Sơn',
  'Hương Sơn',
  'Thanh Oai',
  'Bình Minh',
  'Tam Hưng',
  'Dân Hòa',
  'Phú Nghĩa',
  'Xuân Mai',
  'Trần Phú',
  'Hòa Phú',
  'Quảng Bị',
  // Former Quốc Oai, Thạch Thất, Hoài Đức, Đan Phượng, Phúc Thọ
  'Quốc Oai',
  'Kiều Phú',
  'Hưng Đạo',
  'Phú Cát',
  'Thạch Thất',
  'Hạ Bằng',
  'Tây Phương',
  'Hòa Lạc',
  'Yên Xuân',
  'Hoài Đức',
  'Dương Hòa',
  'Sơn Đồng',
  'An Khánh',
  'Đan Phượng',
  'Ô Diên',
  'Liên Minh',
  'Phúc Thọ',
  'Phúc Lộc',
  'Hát Môn',
  // Former Ba Vì, Sơn Tây
  'Ba Vì',
  'Quảng Oai',
  'Cổ Đô',
  'Bất Bạt',
  'Minh Châu',
  'Vật Lại',
  'Suối Hai',
  'Yên Bài',
  'Đoài Phương',
];

/** ASCII slug for ids: "Văn Miếu - Quốc Tử Giám" → "van-mieu-quoc-tu-giam". */
export function slug(name: string): string {
  return name
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

export interface CommuneLevelUnit {
  readonly id: string;
  readonly kind: 'ward' | 'commune';
  readonly name: string;
}

export function hanoiCommuneLevelUnits(): CommuneLevelUnit[] {
  return [
    ...HANOI_WARDS.map((name) => ({ id: `ward-${slug(name)}`, kind: 'ward' as const, name: `UBND phường ${name}` })),
    ...HANOI_COMMUNES.map((name) => ({ id: `commune-${slug(name)}`, kind: 'commune' as const, name: `UBND xã ${name}` })),
  ];
}
