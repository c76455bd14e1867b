/**
 * Demo content: the real documents and news of the corpus (src/seed/corpus) published at the right
 * levels with their metadata and relations, plus sample documents so that every organisation of the
 * demo tree has some — including a replaced regulation, a draft waiting for approval, a scheduled
 * notice, public items and forwarding notes. Deterministic apart from dates relative to today
 * (schedules and deadlines must lie ahead).
 */
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import type { Payload } from 'payload'
import sharp from 'sharp'
import { concatLexical, documentToLexical, paragraphsToLexical, type LexicalValue } from '../../collections/Documents/lexical'
import type { RelationType } from '../../collections/Documents/relations'
import { parseDocument } from '../lib/document'
import type { DocumentTypeValue } from '../lib/document/number'

const corpusDir = path.join(path.dirname(fileURLToPath(import.meta.url)), 'corpus')
const corpus = (file: string) => parseDocument(readFileSync(path.join(corpusDir, file), 'utf8'))

type Id = string | number

type DocumentSeed = {
  key: string
  org: string
  type: DocumentTypeValue
  number?: string
  title: string
  issued: string
  effective?: string
  signer?: string
  position?: string
  capacity?: string
  public?: boolean
  content: LexicalValue
  relations?: [RelationType, string, { partial?: boolean; note?: string }?][]
  /** Left as a draft waiting for approval instead of published. */
  waitingApproval?: boolean
  publishAt?: string
}

const day = (iso: string) => `${iso}T00:00:00.000Z`
const daysFromNow = (n: number) => new Date(Date.now() + n * 86_400_000).toISOString()
const SAMPLE_NOTE = 'Văn bản mẫu phục vụ trình diễn ứng dụng Sổ tay đảng viên điện tử.'

/** The four documents of the corpus, with what their text does not say (issuer in the tree, relations). */
function corpusDocuments(): DocumentSeed[] {
  const qd339 = corpus('quy-dinh-339-QD-TW.txt')
  const kh23 = corpus('ke-hoach-23-KH-DU-bach-dang.txt')
  const article26 = corpus('tin-huong-dan-26-HD-BTGDVTW.txt')
  const article16 = corpus('tin-hai-phong-huong-dan-16-HD-BTGDVTU.txt')
  // The articles quote the guidance after their opening sentence (who issued it, when).
  const quoted = (intro: string, doc: ReturnType<typeof corpus>) =>
    concatLexical(paragraphsToLexical([intro]), documentToLexical({ ...doc, body: doc.body.slice(1) }))
  return [
    {
      key: '339',
      org: 'TW.BBT',
      type: 'quy-dinh',
      number: '339-QĐ/TW',
      title: 'Quy định về sử dụng ứng dụng Sổ tay đảng viên điện tử',
      issued: '2025-07-10',
      effective: '2025-07-10',
      signer: 'Trần Cẩm Tú',
      position: 'Thường trực Ban Bí thư',
      capacity: 'T/M Ban Bí thư',
      public: true,
      content: documentToLexical(qd339),
    },
    {
      key: '26',
      org: 'TW.BTGDV',
      type: 'huong-dan',
      number: '26-HD/BTGDVTW',
      title: 'Hướng dẫn tuyên truyền về sử dụng ứng dụng Sổ tay đảng viên điện tử',
      issued: '2025-08-27',
      content: quoted('Nội dung chính của Hướng dẫn (trích theo tin đã đăng):', article26),
      relations: [['huong-dan', '339']],
    },
    {
      key: '16',
      org: 'HP.BTGDV',
      type: 'huong-dan',
      number: '16-HD/BTGDVTU',
      title: 'Hướng dẫn tuyên truyền về sử dụng ứng dụng Sổ tay đảng viên điện tử',
      issued: '2025-09-08',
      content: quoted('Nội dung chính của Hướng dẫn (tóm tắt theo Báo Pháp luật Việt Nam):', article16),
      relations: [['huong-dan', '339'], ['can-cu', '26']],
    },
    {
      key: '23',
      org: 'HP.BD',
      type: 'ke-hoach',
      number: '23-KH/ĐU',
      title: 'Kế hoạch tuyên truyền về sử dụng ứng dụng Sổ tay đảng viên điện tử',
      issued: '2025-10-06',
      signer: 'Cao Thị Thanh Xuân',
      position: 'Phó Bí thư',
      capacity: 'T/M Ban Thường vụ',
      content: documentToLexical(kh23),
      relations: [['can-cu', '339'], ['can-cu', '26'], ['can-cu', '16']],
    },
  ]
}

type Template = { type: DocumentTypeValue; code: string; seq: number; title: (org: string) => string; lines: string[] }

const COMMITTEE: Template[] = [
  {
    type: 'nghi-quyet', code: 'NQ', seq: 12,
    title: () => 'Nghị quyết về lãnh đạo thực hiện nhiệm vụ chính trị năm 2026',
    lines: ['Đánh giá kết quả lãnh đạo thực hiện nhiệm vụ chính trị năm 2025.', 'Xác định mục tiêu, chỉ tiêu và nhóm giải pháp trọng tâm năm 2026, trong đó có chuyển đổi số trong công tác đảng.'],
  },
  {
    type: 'thong-bao', code: 'TB', seq: 45,
    title: () => 'Thông báo kết luận của Ban Thường vụ về đẩy mạnh sử dụng Sổ tay đảng viên điện tử',
    lines: ['Ban Thường vụ ghi nhận kết quả bước đầu triển khai ứng dụng.', 'Yêu cầu các tổ chức đảng trực thuộc hướng dẫn 100% đảng viên cài đặt, sử dụng ứng dụng trong sinh hoạt chi bộ.'],
  },
]
const ORGAN: Template[] = [
  {
    type: 'huong-dan', code: 'HD', seq: 31,
    title: () => 'Hướng dẫn cập nhật văn bản, tài liệu lên Sổ tay đảng viên điện tử',
    lines: ['Văn bản được cập nhật trong thời hạn 03 ngày làm việc kể từ ngày ban hành.', 'Biên tập viên kiểm tra số hiệu, trích yếu, cơ quan ban hành trước khi gửi cấp ủy viên duyệt.'],
  },
  {
    type: 'cong-van', code: 'CV', seq: 152,
    title: () => 'Công văn về việc báo cáo số liệu đảng viên sử dụng ứng dụng Sổ tay đảng viên điện tử',
    lines: ['Đề nghị các tổ chức đảng báo cáo số đảng viên đã cài đặt, sử dụng ứng dụng.', 'Thời gian gửi báo cáo: trước ngày 25 hằng tháng.'],
  },
]
const BRANCH: Template[] = [
  {
    type: 'nghi-quyet', code: 'NQ', seq: 10,
    title: (org) => `Nghị quyết ${org} tháng 10 năm 2025`,
    lines: ['Kết quả thực hiện nhiệm vụ tháng 10: chi bộ hoàn thành các chỉ tiêu đề ra.', 'Nhiệm vụ tháng 11: 100% đảng viên sử dụng Sổ tay đảng viên điện tử để nhận tài liệu sinh hoạt.'],
  },
  {
    type: 'thong-bao', code: 'TB', seq: 11,
    title: (org) => `Thông báo lịch sinh hoạt ${org.charAt(0).toLowerCase()}${org.slice(1)} tháng 11 năm 2025`,
    lines: ['Sinh hoạt chi bộ thường kỳ vào 19 giờ 30 ngày 05/11/2025 tại nhà văn hóa khu dân cư.', 'Nội dung: quán triệt Kế hoạch 23-KH/ĐU và hướng dẫn sử dụng ứng dụng.'],
  },
]

/** Issuer codes printed in the numbers of each organisation of the demo tree; every chi bộ uses "CB". */
const ISSUER_CODES: Record<string, string> = {
  TW: 'TW', 'TW.BBT': 'TW', 'TW.BTGDV': 'BTGDVTW', HP: 'TU', 'HP.BTGDV': 'BTGDVTU',
  'HP.BD': 'ĐU', 'HP.HB': 'ĐU', TH: 'TU', 'TH.HT': 'ĐU',
}

type Org = { id: Id; code: string; name: string; kind: string }

function sampleDocuments(orgs: Org[]): DocumentSeed[] {
  return orgs.flatMap((org, i) => {
    const templates = org.kind === 'chi-bo' ? BRANCH : org.kind.startsWith('co-quan') ? ORGAN : COMMITTEE
    const issuerCode = ISSUER_CODES[org.code] ?? 'CB'
    return templates.map((t, j): DocumentSeed => ({
      key: `${org.code}:${t.code}`,
      org: org.code,
      type: t.type,
      number: `${t.seq}-${t.code}/${issuerCode}`,
      title: t.title(org.name),
      issued: `2025-${String(9 + ((i + j) % 3)).padStart(2, '0')}-${String(3 + ((i * 7 + j * 5) % 25)).padStart(2, '0')}`,
      content: paragraphsToLexical([...t.lines, SAMPLE_NOTE]),
    }))
  })
}

/** Documents that show the life cycle: a regulation replaced by its successor, a draft, a scheduled notice. */
function lifecycleDocuments(): DocumentSeed[] {
  return [
    {
      key: 'qc-2020', org: 'TH', type: 'quy-che', number: '01-QC/TU',
      title: 'Quy chế làm việc của Ban Chấp hành Đảng bộ tỉnh khóa XIX, nhiệm kỳ 2020 - 2025',
      issued: '2020-10-20', content: paragraphsToLexical(['Quy chế gồm 6 chương, quy định nguyên tắc, chế độ làm việc của Ban Chấp hành, Ban Thường vụ, Thường trực Tỉnh ủy.', SAMPLE_NOTE]),
    },
    {
      key: 'qc-2025', org: 'TH', type: 'quy-che', number: '01-QC/TU',
      title: 'Quy chế làm việc của Ban Chấp hành Đảng bộ tỉnh khóa XX, nhiệm kỳ 2025 - 2030',
      issued: '2025-10-15', content: paragraphsToLexical(['Quy chế này thay thế Quy chế làm việc khóa XIX.', SAMPLE_NOTE]),
      relations: [['thay-the', 'qc-2020']],
    },
    {
      key: 'bc-draft', org: 'HP.BD', type: 'bao-cao', number: '57-BC/ĐU',
      title: 'Báo cáo kết quả tháng đầu triển khai ứng dụng Sổ tay đảng viên điện tử',
      issued: '2025-11-10', content: paragraphsToLexical(['Đến nay 87% đảng viên của Đảng bộ đã cài đặt ứng dụng; 5/5 chi bộ đã dùng ứng dụng trong sinh hoạt.', SAMPLE_NOTE]),
      relations: [['can-cu', '23']], waitingApproval: true,
    },
    {
      key: 'tb-scheduled', org: 'HP', type: 'thong-bao', number: '88-TB/TU',
      title: 'Thông báo lịch tiếp công dân định kỳ của Bí thư Thành ủy',
      issued: '2025-11-20', public: true, publishAt: daysFromNow(14),
      content: paragraphsToLexical(['Bí thư Thành ủy tiếp công dân định kỳ vào ngày 15 hằng tháng tại Trụ sở Tiếp công dân thành phố.', SAMPLE_NOTE]),
    },
  ]
}

async function createDocument(payload: Payload, seed: DocumentSeed, orgs: Map<string, Org>, created: Map<string, Id>): Promise<void> {
  const doc = await payload.create({
    collection: 'documents',
    draft: !!seed.waitingApproval,
    overrideAccess: true,
    data: {
      documentType: seed.type,
      number: seed.number,
      title: seed.title,
      issuer: orgs.get(seed.org)!.id,
      issuedDate: day(seed.issued),
      effectiveDate: seed.effective ? day(seed.effective) : undefined,
      signer: seed.signer,
      signerPosition: seed.position,
      signingCapacity: seed.capacity,
      visibility: seed.public ? 'cong-khai' : 'dang-vien',
      publishAt: seed.publishAt,
      content: seed.content,
      relations: (seed.relations ?? []).map(([type, key, extra]) => ({ type, target: created.get(key)!, ...extra })),
      reviewStatus: seed.waitingApproval ? 'cho-duyet' : undefined,
      publishedAt: seed.waitingApproval ? undefined : day(seed.issued),
      _status: seed.waitingApproval ? 'draft' : 'published',
    } as never,
  })
  created.set(seed.key, doc.id)
}

/** A cover image drawn for the demo (no text: it must render without fonts). */
async function coverImage(hue: number): Promise<Buffer> {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="1200" height="630">
    <defs><linearGradient id="g" x1="0" y1="0" x2="1" y2="1"><stop offset="0" stop-color="hsl(${hue},75%,42%)"/><stop offset="1" stop-color="hsl(${hue + 25},80%,28%)"/></linearGradient></defs>
    <rect width="1200" height="630" fill="url(#g)"/>
    <polygon fill="#ffd400" points="600,150 641,277 775,277 667,356 708,483 600,405 492,483 533,356 425,277 559,277"/>
  </svg>`
  return sharp(Buffer.from(svg)).png().toBuffer()
}

type NewsSeed = { file: string; org: string; publishedAt: string; source?: string; public?: boolean; related: string[]; hue: number; alt: string }

const NEWS: NewsSeed[] = [
  { file: 'tin-huong-dan-26-HD-BTGDVTW.txt', org: 'TW.BTGDV', publishedAt: '2025-08-28', source: 'Trang thông tin Ban Dân vận Tỉnh ủy', public: true, related: ['26', '339'], hue: 0, alt: 'Ảnh minh họa: tuyên truyền sử dụng Sổ tay đảng viên điện tử' },
  { file: 'tin-hai-phong-huong-dan-16-HD-BTGDVTU.txt', org: 'HP.BTGDV', publishedAt: '2025-09-10', source: 'Báo Pháp luật Việt Nam (PLVN)', related: ['16', '339'], hue: 200, alt: 'Ảnh minh họa: Hải Phòng triển khai Sổ tay đảng viên điện tử' },
  { file: 'tin-thanh-hoa-so-tay-dang-vien.txt', org: 'TH', publishedAt: '2025-11-19', public: true, related: ['339'], hue: 140, alt: 'Ảnh minh họa: đảng viên Thanh Hóa cài đặt ứng dụng' },
]

async function createNews(payload: Payload, seed: NewsSeed, orgs: Map<string, Org>, documents: Map<string, Id>): Promise<void> {
  const article = corpus(seed.file)
  const data = await coverImage(seed.hue)
  const cover = await payload.create({
    collection: 'media',
    overrideAccess: true,
    data: { alt: seed.alt } as never,
    file: { data, mimetype: 'image/png', name: `${path.basename(seed.file, '.txt')}.png`, size: data.length },
  })
  const first = article.body.find((b) => b.type === 'paragraph')
  await payload.create({
    collection: 'news',
    overrideAccess: true,
    data: {
      title: article.title?.text ?? seed.file,
      summary: first && first.type === 'paragraph' ? first.text : undefined,
      issuer: orgs.get(seed.org)!.id,
      cover: cover.id,
      body: documentToLexical(article),
      relatedDocuments: seed.related.map((key) => documents.get(key)!),
      source: seed.source,
      visibility: seed.public ? 'cong-khai' : 'dang-vien',
      publishedAt: day(seed.publishedAt),
      _status: 'published',
    } as never,
  })
}

/** Seeds documents, news, publishing settings and forwards into a database holding the demo tree. */
export async function seedContent(payload: Payload): Promise<void> {
  const found = await payload.find({ collection: 'organizations', pagination: false, depth: 0, overrideAccess: true, sort: 'path' })
  const list = (found.docs as unknown as Org[]).filter((o) => o.code)
  const orgs = new Map(list.map((o) => [o.code, o]))

  for (const code of ['TW.BTGDV', 'HP.BTGDV'])
    await payload.create({ collection: 'publishing-settings', overrideAccess: true, data: { organization: orgs.get(code)!.id, editorsPublishDirectly: true } as never })

  const documents = new Map<string, Id>()
  const seeds = [...corpusDocuments(), ...sampleDocuments(list), ...lifecycleDocuments()]
  for (const seed of seeds) await createDocument(payload, seed, orgs, documents)
  for (const news of NEWS) await createNews(payload, news, orgs, documents)

  const forwards: [string, string, string, number][] = [
    ['339', 'HP', 'Các đảng ủy trực thuộc tổ chức quán triệt Quy định đến 100% chi bộ, đảng viên; báo cáo kết quả về Ban Tổ chức Thành ủy.', 30],
    ['16', 'HP.BD', 'Các chi bộ đưa nội dung Hướng dẫn vào sinh hoạt chi bộ tháng 11; bí thư chi bộ báo cáo số đảng viên đã cài đặt ứng dụng.', 20],
  ]
  for (const [key, org, note, days] of forwards)
    await payload.create({ collection: 'forwards', overrideAccess: true, data: { document: documents.get(key)!, organization: orgs.get(org)!.id, note, deadline: daysFromNow(days) } as never })
  payload.logger.info(`Đã tạo ${seeds.length} văn bản, ${NEWS.length} tin và ${forwards.length} lượt chuyển tiếp mẫu.`)
}
