import { describe, expect, it } from '@jest/globals'
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { boilerplateKind, boilerplateMask } from '@/lib/summarize/boilerplate'
import { SUMMARY_MAX_WORDS, summarizeDocument } from '@/lib/summarize/document'
import { LexicalSummaryEngine } from '@/lib/summarize/lexical-engine'
import type { SummarySection } from '@/lib/summarize/types'
import { splitSentences } from '@/lib/vi/sentences'

describe('boilerplateKind', () => {
  it.each([
    ['- Căn cứ Điều lệ Đảng;', 'preamble'],
    ['Căn cứ Nghị quyết số 21-NQ/TW, ngày 16/6/2022 của Ban Chấp hành Trung ương;', 'preamble'],
    ['Ban Bí thư quy định về sử dụng ứng dụng Sổ tay đảng viên điện tử như sau:', 'preamble'],
    ['Nơi nhận:', 'recipients'],
    ['Kính gửi: Các chi bộ trực thuộc', 'recipients'],
    ['T/M BAN BÍ THƯ', 'signature'],
    ['K/T BÍ THƯ', 'signature'],
    ['(Đã ký)', 'signature'],
    ['Trên đây là Kế hoạch tuyên truyền của Đảng ủy.', 'closing'],
    ['ĐẢNG CỘNG SẢN VIỆT NAM', 'header'],
    ['Số 339-QĐ/TW', 'header'],
    ['Hà Nội, ngày 10 tháng 7 năm 2025', 'header'],
    ['KẾ HOẠCH tuyên truyền về sử dụng ứng dụng Sổ tay đảng viên điện tử', 'header'],
  ])('"%s" is %s', (sentence, kind) => {
    expect(boilerplateKind(sentence)).toBe(kind)
  })

  it.each([
    '1. Quy định này có hiệu lực từ ngày ký và được phổ biến đến chi bộ.',
    'Chi bộ căn cứ kết quả kiểm điểm để xếp loại đảng viên.',
    'Đảng viên có trách nhiệm đăng ký, cập nhật chính xác thông tin.',
  ])('"%s" is content', (sentence) => {
    expect(boilerplateKind(sentence)).toBeNull()
  })

  it('treats everything after the recipients or a signature as the closing block', () => {
    expect(boilerplateMask(['Nội dung chính.', 'Nơi nhận:', '- Các tỉnh ủy,', 'T/M BAN BÍ THƯ', 'Trần Cẩm Tú'])).toEqual([
      false,
      true,
      true,
      true,
      true,
    ])
  })
})

/** Sections of Quy định 339-QĐ/TW: what precedes "Điều 1." and each article. */
function regulationSections(): SummarySection[] {
  const text = readFileSync(path.resolve(process.cwd(), 'tests/fixtures/summarize/quy-dinh-339-QD-TW.txt'), 'utf8')
  const sections: SummarySection[] = [{ sentences: [] }]
  for (const sentence of splitSentences(text)) {
    if (/^Điều \d+\./u.test(sentence)) sections.push({ heading: sentence, sentences: [] })
    else sections[sections.length - 1].sentences.push(sentence)
  }
  return sections
}

describe('summarizeDocument on Quy định 339-QĐ/TW', () => {
  const sections = regulationSections()
  const engine = new LexicalSummaryEngine()
  const run = () => summarizeDocument(engine, { title: 'Quy định về sử dụng ứng dụng Sổ tay đảng viên điện tử', sections })

  it('gives a short summary of 3 to 5 sentences and at most 120 words, quoted verbatim', async () => {
    const { summary } = await run()
    expect(summary.length).toBeGreaterThanOrEqual(3)
    expect(summary.length).toBeLessThanOrEqual(5)
    const words = summary.reduce((n, s) => n + s.text.split(/\s+/u).filter((w) => /[\p{L}\p{N}]/u.test(w)).length, 0)
    expect(words).toBeLessThanOrEqual(SUMMARY_MAX_WORDS)
    for (const s of summary) expect(sections[s.section].sentences[s.index]).toBe(s.text)
  })

  it('never puts the header, preamble, recipients or signature in the summary or key points', async () => {
    const { summary, keyPoints } = await run()
    const chosen = [...summary, ...keyPoints.map((k) => k.sentence)].map((s) => s.text)
    for (const text of chosen) {
      expect(text).not.toMatch(/Căn cứ|như sau:|Nơi nhận|T\/M|Trần Cẩm Tú|Lưu Văn phòng|ĐẢNG CỘNG SẢN|Hà Nội, ngày/u)
    }
  })

  it('gives one key point per article, taken from that article', async () => {
    const { keyPoints } = await run()
    const articles = sections.map((s, i) => ({ s, i })).filter(({ s }) => s.heading)
    expect(keyPoints.map((k) => k.section)).toEqual(articles.map(({ i }) => i))
    for (const k of keyPoints) {
      expect(k.heading).toBe(sections[k.section].heading)
      expect(sections[k.section].sentences[k.sentence.index]).toBe(k.sentence.text)
      expect(k.sentence.text).not.toMatch(/:$/u)
    }
  })

  it('skips sections that hold only boilerplate', async () => {
    const result = await summarizeDocument(engine, {
      sections: [
        { sentences: ['ĐẢNG CỘNG SẢN VIỆT NAM', '- Căn cứ Điều lệ Đảng;'] },
        { heading: 'Điều 1. Phạm vi', sentences: ['Quy định này áp dụng cho mọi đảng viên trong toàn Đảng.'] },
        { heading: 'Nơi nhận:', sentences: ['- Các tỉnh ủy,', '- Lưu Văn phòng.'] },
      ],
    })
    expect(result.keyPoints.map((k) => k.section)).toEqual([1])
    expect(result.summary.map((s) => s.section)).toEqual([1])
  })
})
