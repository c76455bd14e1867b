/**
 * The structured form of a Vietnamese Party/state document (văn bản) or news article (tin bài),
 * produced by `parseDocument()` from raw extracted text or HTML.
 *
 * Ids are derived from the position in the section tree ("dieu-3.k2.s1": Điều 3, khoản 2, first
 * sentence), so parsing the same text again yields the same ids.
 */

/** Heading levels, outermost first. Khoản/điểm are arabic/letter items inside an Điều. */
export type SectionKind =
  | 'phan' // Phần thứ nhất / Phần I
  | 'chuong' // Chương II
  | 'muc' // Mục 1 (inside a Chương)
  | 'roman' // I. II. of plans, reports, guidance
  | 'dieu' // Điều 3.
  | 'khoan' // 1. 2. inside an Điều
  | 'number' // 1. 2. elsewhere
  | 'subnumber' // 1.1. 1.2.
  | 'diem' // a) b) inside an Điều
  | 'letter' // a) b) elsewhere

export interface Sentence {
  id: string
  text: string
}

export interface Paragraph {
  type: 'paragraph'
  id: string
  /** Text without its list marker. */
  text: string
  /** "-", "+", "•" for bullet items; absent for plain paragraphs. */
  bullet?: string
  sentences: Sentence[]
}

export interface Section {
  type: 'section'
  id: string
  kind: SectionKind
  /** The number as printed: "3", "II", "1.2", "a". */
  number: string
  /** The marker as printed: "Điều 3.", "II.", "1.2.", "a)". */
  marker: string
  /** Citation label: "Điều 3", "Khoản 2", "Điểm a", "Chương II", "II", "1.2". */
  label: string
  /** Heading text after the marker ("Phạm vi điều chỉnh, đối tượng áp dụng"), when it has one. */
  title?: string
  children: Block[]
}

export type Block = Paragraph | Section

export interface HeaderBlock {
  /** Issuing body lines as printed, outermost first ("ĐẢNG BỘ THÀNH PHỐ HẢI PHÒNG", "ĐẢNG ỦY PHƯỜNG BẠCH ĐẰNG"). */
  issuers: string[]
  /** "ĐẢNG CỘNG SẢN VIỆT NAM" or "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" / "Độc lập - Tự do - Hạnh phúc". */
  motto: string[]
  /** "Số 339-QĐ/TW" as printed. */
  numberLine?: string
  /** "339-QĐ/TW". */
  number?: string
  /** "Hà Nội, ngày 10 tháng 7 năm 2025" as printed. */
  placeDateLine?: string
  place?: string
  /** ISO date (YYYY-MM-DD) from the place-date line or a web page's date stamp. */
  date?: string
}

export interface Title {
  /** Document type line as printed ("QUY ĐỊNH", "KẾ HOẠCH"); absent for news articles. */
  type?: string
  /** Trích yếu ("VỀ SỬ DỤNG ỨNG DỤNG …") or a news headline. */
  text: string
  sentences: Sentence[]
}

export interface Signature {
  /** "T/M BAN BÍ THƯ", "K/T BÍ THƯ", "TM. BAN THƯỜNG VỤ". */
  capacity?: string
  /** Position lines ("PHÓ BÍ THƯ"). */
  positions: string[]
  /** Signer's full name ("Trần Cẩm Tú"). */
  name?: string
}

export interface ClosingBlock {
  /** Lines after "Nơi nhận:", without their bullets. */
  recipients: string[]
  signatures: Signature[]
}

export interface StructuredDocument {
  /** 'formal' when a header block or document type line was found, else 'article'. */
  kind: 'formal' | 'article'
  header: HeaderBlock
  title?: Title
  /** Căn cứ / Thực hiện … paragraphs and the enacting line ("… quy định … như sau:"). */
  preamble: Paragraph[]
  /** Body: root-level paragraphs and the section tree. */
  body: Block[]
  closing: ClosingBlock
  /** Source attribution dropped from the text ("Nguồn tra cứu: …"). */
  source?: string
}

export interface SentenceRef {
  id: string
  text: string
  /** Labels of the enclosing sections, outermost first: ["Điều 3", "Khoản 2"]. */
  sectionPath: string[]
  /** Id of the innermost enclosing section, or of the part ("tieu-de", "can-cu", "noi-dung"). */
  sectionId: string
  /** 'heading' for a section heading or the title, 'text' for body sentences. */
  role: 'heading' | 'text'
}

export interface ProposedMetadata {
  /** Số hiệu: "339-QĐ/TW". */
  number?: string
  /** Ngày ban hành, ISO: "2025-07-10". */
  issuedDate?: string
  /** Địa danh: "Hà Nội". */
  place?: string
  /** Người ký: "Trần Cẩm Tú". */
  signer?: string
  /** Chức vụ người ký: "Phó Bí thư". */
  signerPosition?: string
  /** Thẩm quyền ký: "T/M Ban Bí thư". */
  signingCapacity?: string
  /** Cơ quan ban hành: "Ban Chấp hành Trung ương". */
  issuer?: string
  /** Loại văn bản: "Quy định". */
  documentType?: string
  /** Trích yếu in sentence case: "Về sử dụng ứng dụng Sổ tay đảng viên điện tử". */
  subject?: string
}
