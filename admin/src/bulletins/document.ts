/**
 * How a bulletin is named as an official document (GB/T 9704 conventions): issuing authority
 * 中共<地区>委组织部, document number 日组通〔2026〕9号 (the month, or the quarter / 0 for a year).
 */
export const issuingAuthority = (regionName: string) => `中共${regionName}委组织部`;

export const documentNumber = (period: string, regionName: string) => {
  const [year, part] = period.split('-');
  const serial = !part ? 0 : part.startsWith('Q') ? Number(part.slice(1)) : Number(part);
  return `${regionName.slice(0, 1)}组通〔${year}〕${serial}号`;
};

export const periodInWords = (period: string) => {
  const [year, part] = period.split('-');
  if (!part) return `${year}年`;
  if (part.startsWith('Q')) return `${year}年第${'一二三四'[Number(part.slice(1)) - 1]}季度`;
  return `${year}年${Number(part)}月`;
};

/** 2026年10月8日 */
export const dateInWords = (iso: string) => {
  const [y, m, d] = iso.slice(0, 10).split('-').map(Number);
  return `${y}年${m}月${d}日`;
};
