/**
 * Web-page leftovers in extracted text: site banners and menus before the article, share/print
 * buttons, "Tin cùng chuyên mục" lists of related links after it, and source attributions.
 */
import { fold } from '../vi/text'
import { collapseSpaces, type Line } from './clean'

/** Headings of related-article lists; everything from them on is not the article. */
const RELATED = [
  'tin cung chuyen muc',
  'bai cung chuyen muc',
  'cung chuyen muc',
  'tin lien quan',
  'bai lien quan',
  'bai viet lien quan',
  'tin khac',
  'cac tin khac',
  'cac bai khac',
  'bai viet khac',
  'tin moi',
  'tin moi nhat',
  'tin moi hon',
  'tin cu hon',
  'tin da dua',
  'tin doc nhieu',
  'doc nhieu',
  'xem nhieu',
  'tin noi bat',
  'co the ban quan tam',
  'xem them',
  'doc them',
  'related',
  'related articles',
]

/** Single navigation or widget items. */
const NAV_LINE =
  /^(banner|logo|menu|trang chủ|trang chu|home|đăng nhập|đăng ký|tìm kiếm|chia sẻ|share|in bài|in trang|gửi email|gửi bài|bình luận|ý kiến bạn đọc|lượt xem|lượt đọc|quay lại|trở về|về đầu trang|lên đầu trang|facebook|twitter|zalo|tweet|like|thích|cỡ chữ|font size|aa|a\+|a-|bản in|tải về|tải xuống|rss|sitemap|liên hệ|hỏi đáp|english)(?![\p{L}\p{N}])/iu

/** "Nguồn: …", "Nguồn tra cứu: …" at the end of a text. */
const SOURCE = /^(nguồn(?:\s+tra\s+cứu)?|theo)\s*:\s*(.+)$/iu

function folded(line: string): string {
  return fold(line)
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim()
}

/** True for a related-links heading line ("Tin cùng chuyên mục", "TIN LIÊN QUAN:"). */
function isRelatedHeading(line: string): boolean {
  return RELATED.includes(folded(line))
}

/** True for a navigation/widget line: short, no sentence punctuation, a known menu or button word. */
function isNavigationLine(line: string): boolean {
  const text = collapseSpaces(line)
  if (text.length > 80 || /[.!?;]$/.test(text)) return false
  return NAV_LINE.test(text) || isBreadcrumb(text)
}

/** "Trang chủ > Tin tức > Xây dựng Đảng", "Trang chủ / Thời sự". */
function isBreadcrumb(text: string): boolean {
  const parts = text.split(/\s+(?:>|»|›|\/|\|)\s+/)
  return parts.length >= 3 && parts.every((p) => p.length <= 40)
}

export interface BoilerplateResult {
  lines: Line[]
  source?: string
}

/**
 * Drops web leftovers: the tail from a related-links heading on (when at least a third of the text
 * precedes it), navigation lines, immediate repeats of a line (link lists print titles twice), and a
 * trailing source attribution, which is returned separately.
 */
export function removeBoilerplate(lines: Line[]): BoilerplateResult {
  let kept = cutRelated(lines)
  kept = kept.filter((line) => !isNavigationLine(line.text))
  kept = kept.filter((line, i) => i === 0 || collapseSpaces(line.text) !== collapseSpaces(kept[i - 1].text))
  let source: string | undefined
  const last = kept[kept.length - 1]
  const match = last ? SOURCE.exec(collapseSpaces(last.text)) : null
  if (match && match[2].length <= 120) {
    source = match[2]
    kept = kept.slice(0, -1)
  }
  return { lines: kept, source }
}

function cutRelated(lines: Line[]): Line[] {
  const total = lines.reduce((n, l) => n + l.text.length, 0)
  let before = 0
  for (let i = 0; i < lines.length; i++) {
    if (isRelatedHeading(lines[i].text) && before >= total / 3) return lines.slice(0, i)
    before += lines[i].text.length
  }
  return lines
}
