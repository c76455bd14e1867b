/**
 * Parts of a Party or state document that never belong in its summary: the header (issuing body,
 * number, place and date, document type in capitals), the preamble (legal bases "Căn cứ …" and the
 * enacting formula "… như sau:"), the recipients ("Nơi nhận", "Kính gửi") and the signature block
 * (T/M, K/T, title in capitals, name of the signer), and the closing formula ("Trên đây là …").
 */

export type BoilerplateKind = 'header' | 'preamble' | 'closing' | 'recipients' | 'signature'

const BULLET = /^[-–•+*]\s*/u
const PREAMBLE = /^(?:Căn cứ|Xét đề nghị|Xét tờ trình|Theo đề nghị)(?![\p{L}\p{N}])/iu
const ENACTING = /như sau\s*:$/iu
const CLOSING = /^Trên đây là(?![\p{L}\p{N}])/iu
const RECIPIENTS = /^(?:Nơi nhận|Kính gửi)(?![\p{L}\p{N}])/iu
const SIGNATURE = /^(?:T\/M|TM\.|K\/T|KT\.|T\/L|TL\.|TUQ\.|Q\.|Thay mặt|Ký thay|Thừa lệnh|Thừa ủy quyền)\s/u
const SIGNED = /^\(?\s*(?:Đã ký|Ký tên|Ký, ghi rõ)/iu
const NUMBER_LINE = /^Số\s*:?\s*[\p{L}\p{N}/.\-–]+$/u
const PLACE_DATE = /^[\p{L} .]+,\s*ngày\s+\d{1,2}\s+tháng\s+\d{1,2}\s+năm\s+\d{4}\.?$/iu
/** The document type in capitals opening the title line: "KẾ HOẠCH tuyên truyền về …". */
const DOCUMENT_TYPE =
  /^(?:QUY ĐỊNH|QUYẾT ĐỊNH|NGHỊ QUYẾT|CHỈ THỊ|KẾT LUẬN|HƯỚNG DẪN|KẾ HOẠCH|THÔNG BÁO|THÔNG TRI|BÁO CÁO|CÔNG VĂN|TỜ TRÌNH|CHƯƠNG TRÌNH|ĐỀ ÁN|QUY CHẾ|ĐIỀU LỆ|LUẬT|NGHỊ ĐỊNH|THÔNG TƯ)(?=\s+\p{Ll}|$)/u
const MOTTO = /^Độc lập\s*[-–]\s*Tự do\s*[-–]\s*Hạnh phúc$/iu

function isAllCaps(sentence: string): boolean {
  const letters = sentence.match(/\p{L}/gu) ?? []
  return letters.length >= 2 && !/\p{Ll}/u.test(sentence)
}

/** What kind of boilerplate `sentence` is, judged alone; null for ordinary content. */
export function boilerplateKind(sentence: string): BoilerplateKind | null {
  const s = sentence.trim().replace(BULLET, '')
  if (RECIPIENTS.test(s)) return 'recipients'
  if (SIGNATURE.test(s) || SIGNED.test(s)) return 'signature'
  if (CLOSING.test(s)) return 'closing'
  if (PREAMBLE.test(s) || ENACTING.test(s)) return 'preamble'
  if (isAllCaps(s) || DOCUMENT_TYPE.test(s) || NUMBER_LINE.test(s) || PLACE_DATE.test(s) || MOTTO.test(s)) return 'header'
  return null
}

/**
 * Marks the sentences of one run of text (a section, or a whole flat document) that are boilerplate.
 * Once the closing formula, the recipients or a signature start, the rest of the run is the closing
 * block (requests to carry it out, list of recipients, signer's title and name).
 */
export function boilerplateMask(sentences: string[]): boolean[] {
  let closing = false
  return sentences.map((sentence) => {
    const kind = boilerplateKind(sentence)
    if (kind === 'closing' || kind === 'recipients' || kind === 'signature') closing = true
    return closing || kind !== null
  })
}

/** True for a heading that opens a closing block ("Nơi nhận:", "T/M BAN BÍ THƯ") rather than content. */
export function isClosingHeading(heading: string): boolean {
  const kind = boilerplateKind(heading)
  return kind === 'recipients' || kind === 'signature'
}
