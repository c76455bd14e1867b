/** Rich text built from the structured corpus documents (collections/Documents/lexical). */
import { describe, expect, test } from '@jest/globals'
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { concatLexical, documentToLexical, paragraphsToLexical } from '../../../collections/Documents/lexical'
import { parseDocument } from '@/lib/document'

type Node = { type: string; tag?: string; format?: string | number; text?: string; children?: Node[] }
const corpus = (file: string) => parseDocument(readFileSync(path.resolve('tests/fixtures/corpus', file), 'utf8'))
const textOf = (node: Node): string => node.text ?? (node.children ?? []).map(textOf).join('')
const all = (node: Node): Node[] => [node, ...(node.children ?? []).flatMap(all)]

describe('Quy định 339-QĐ/TW', () => {
  const root = documentToLexical(corpus('quy-dinh-339-QD-TW.txt')).root as unknown as Node

  test('articles become headings with their number and title', () => {
    const headings = root.children!.filter((n) => n.type === 'heading').map((n) => [n.tag, textOf(n)])
    expect(headings[0]).toEqual(['h3', 'Điều 1. Phạm vi điều chỉnh, đối tượng áp dụng'])
    expect(headings.map(([, text]) => text)).toContain('Điều 3. Nội dung của ứng dụng STĐVĐT')
  })

  test('the căn cứ lines form a bullet list, numbered clauses keep their number', () => {
    const first = root.children![0]
    expect(first.type).toBe('list')
    expect(textOf(first.children![0])).toBe('Căn cứ Điều lệ Đảng;')
    const clause = root.children!.find((n) => n.type === 'paragraph' && textOf(n).startsWith('1. Quy định này quy định'))
    expect(clause).toBeDefined()
    expect(root.children!.some((n) => n.type === 'paragraph' && textOf(n).startsWith('a) Sơ lược về đảng viên'))).toBe(true)
  })

  test('the signature block closes the text, right-aligned', () => {
    const signature = root.children!.filter((n) => n.format === 'right').map(textOf)
    expect(signature).toEqual(['T/M BAN BÍ THƯ', 'Trần Cẩm Tú'])
  })

  test('every word of the body is kept', () => {
    const words = (s: string) => s.split(/\s+/).filter(Boolean).length
    const doc = corpus('quy-dinh-339-QD-TW.txt')
    const paragraphs = doc.body.flatMap((b) => all(b as unknown as Node)).filter((n) => n.type === 'paragraph')
    expect(paragraphs.length).toBeGreaterThan(20)
    const source = [...doc.preamble, ...paragraphs].map((p: any) => p.text).join(' ')
    const rendered = all(root).filter((n) => n.type === 'text').map((n) => n.text).join(' ')
    expect(words(rendered)).toBeGreaterThanOrEqual(words(source))
  })
})

describe('Kế hoạch 23-KH/ĐU', () => {
  test('roman sections are top-level headings; the recipients close the text', () => {
    const root = documentToLexical(corpus('ke-hoach-23-KH-DU-bach-dang.txt')).root as unknown as Node
    expect(root.children!.filter((n) => n.type === 'heading' && n.tag === 'h2').map(textOf)).toEqual(
      expect.arrayContaining(['I. MỤC ĐÍCH YÊU CẦU', 'II. NỘI DUNG TUYÊN TRUYỀN']),
    )
    const last = root.children![root.children!.length - 1]
    expect(last.type).toBe('list')
    expect(textOf(last.children![last.children!.length - 1])).toBe('Lưu VPĐU')
  })
})

test('plain paragraphs, and two texts one after the other', () => {
  const joined = concatLexical(paragraphsToLexical(['Một']), paragraphsToLexical(['Hai', 'Ba']))
  expect((joined.root.children as unknown as Node[]).map(textOf)).toEqual(['Một', 'Hai', 'Ba'])
})
