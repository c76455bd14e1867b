/** HTML tokenizer/tree builder and readability-style article extraction. */
import { describe, expect, test } from '@jest/globals'
import { extractArticle, parseDocument, toPlainText } from '@/lib/document'
import { looksLikeHtml, parseHtml, textOf, type HtmlElement } from '@/lib/document/html'

function find(el: HtmlElement, tag: string): HtmlElement[] {
  const out: HtmlElement[] = []
  for (const c of el.children) {
    if (typeof c === 'string') continue
    if (c.tag === tag) out.push(c)
    out.push(...find(c, tag))
  }
  return out
}

describe('parseHtml', () => {
  test('entities, comments, raw-text elements and quoted ">" in attributes', () => {
    const root = parseHtml(
      '<p title="a > b" data-x=\'1\'>Đảng&nbsp;viên &amp; chi b&#7897; &agrave;<!-- <p>ẩn</p> --></p><script>if (a<b) document.write("<p>x</p>")</script><p>Hai</p>',
    )
    const ps = find(root, 'p')
    expect(ps.map(textOf)).toEqual(['Đảng viên & chi bộ à', 'Hai'])
    expect(ps[0].attrs).toEqual({ title: 'a > b', 'data-x': '1' })
    expect(textOf(find(root, 'script')[0])).toBe('')
  })

  test('implied end tags: <p> before a block, <li> and <td> siblings, void elements', () => {
    const root = parseHtml('<div><p>Một<p>Hai<ul><li>A<li>B</ul><table><tr><td>X<td>Y<tr><td>Z</table><br><img src=a.jpg>Ba</div>')
    expect(find(root, 'p').map(textOf)).toEqual(['Một', 'Hai'])
    expect(find(root, 'li').map(textOf)).toEqual(['A', 'B'])
    expect(find(root, 'td').map(textOf)).toEqual(['X', 'Y', 'Z'])
    expect(find(root, 'tr')).toHaveLength(2)
    expect(textOf(find(root, 'div')[0])).toBe('Một Hai A B X Y Z Ba')
  })

  test('stray end tags and unclosed markup do not throw', () => {
    for (const html of ['</div></p>text', '<p', '<<<>>>', '<div><span>', '<!DOCTYPE html><html>', '<a href="x>y', '<![CDATA[ x ]]>']) {
      expect(() => parseHtml(html)).not.toThrow()
      expect(() => parseDocument(html, { format: 'html' })).not.toThrow()
    }
  })

  test('looksLikeHtml', () => {
    expect(looksLikeHtml('<!DOCTYPE html><html><body>x</body></html>')).toBe(true)
    expect(looksLikeHtml('<p>Một</p><p>Hai</p><p>Ba</p>')).toBe(true)
    expect(looksLikeHtml('Điều 1. Phạm vi <điều chỉnh>\n1. Nội dung.')).toBe(false)
  })
})

/** A portal page: menus and a sidebar with long link lists, the article in an unmarked div. */
function portalPage(article: string): string {
  const links = (n: number, prefix: string): string =>
    Array.from(
      { length: n },
      (_, i) => `<li><a href="/${i}">${prefix} số ${i}, tin tức thời sự trong ngày, chính trị, kinh tế</a></li>`,
    ).join('')
  return `<html><head><title>Bài viết | Cổng thông tin</title></head><body>
    <div id="top"><ul>${links(12, 'Chuyên mục')}</ul></div>
    <div class="wrapper"><div class="left">${article}</div>
    <div class="right"><h3>Tin mới</h3><ul>${links(15, 'Tin mới')}</ul></div></div>
    <div class="bottom">Địa chỉ: 1 Lê Lợi, Thanh Hóa. Điện thoại: 0237 123 456. Email: banbientap@example.vn.</div>
  </body></html>`
}

describe('article extraction', () => {
  const article = `<h2>Chi bộ khu phố sinh hoạt chuyên đề về chuyển đổi số</h2>
    <p>Sáng 20/11, Chi bộ khu phố 3 tổ chức sinh hoạt chuyên đề về chuyển đổi số trong công tác đảng, với sự tham gia của 45 đảng viên.</p>
    <p>Tại buổi sinh hoạt, các đảng viên được hướng dẫn cài đặt, sử dụng ứng dụng Sổ tay đảng viên điện tử, tra cứu văn bản, nghị quyết của Đảng.</p>
    <p>Đồng chí Bí thư Chi bộ đề nghị mỗi đảng viên tích cực học tập, nâng cao kỹ năng số, gương mẫu trong sử dụng các nền tảng số.<br>Chi bộ sẽ tổ chức kiểm tra định kỳ hằng quý.</p>
    <ul><li>Cài đặt ứng dụng trên điện thoại;</li><li>Cập nhật thông tin cá nhân.</li></ul>`

  test('the densest text block wins over menus and link lists without semantic markup', () => {
    const text = extractArticle(portalPage(article))
    expect(text.split('\n\n')).toEqual([
      'Chi bộ khu phố sinh hoạt chuyên đề về chuyển đổi số',
      'Sáng 20/11, Chi bộ khu phố 3 tổ chức sinh hoạt chuyên đề về chuyển đổi số trong công tác đảng, với sự tham gia của 45 đảng viên.',
      'Tại buổi sinh hoạt, các đảng viên được hướng dẫn cài đặt, sử dụng ứng dụng Sổ tay đảng viên điện tử, tra cứu văn bản, nghị quyết của Đảng.',
      'Đồng chí Bí thư Chi bộ đề nghị mỗi đảng viên tích cực học tập, nâng cao kỹ năng số, gương mẫu trong sử dụng các nền tảng số.\nChi bộ sẽ tổ chức kiểm tra định kỳ hằng quý.',
      '- Cài đặt ứng dụng trên điện thoại;',
      '- Cập nhật thông tin cá nhân.',
    ])
  })

  test('a page wrapped in one <form> (ASP.NET portals) still yields its article', () => {
    const page = portalPage(article).replace('<body>', '<body><form id="form1" method="post">').replace('</body>', '</form></body>')
    expect(extractArticle(page)).toBe(extractArticle(portalPage(article)))
  })

  test('without an <h1> or heading in the article, the page title (less the site name) heads it', () => {
    const text = extractArticle(portalPage(article.replace(/<h2>.*?<\/h2>/, '')))
    expect(text.split('\n\n')[0]).toBe('Bài viết')
  })

  test('parsed as a document: headline, paragraphs, bullets; a <br> that ends a sentence ends the paragraph', () => {
    const doc = parseDocument(portalPage(article))
    expect(doc.kind).toBe('article')
    expect(doc.title?.text).toBe('Chi bộ khu phố sinh hoạt chuyên đề về chuyển đổi số')
    expect(doc.body.map((b) => b.type === 'paragraph' && (b.bullet ?? '') + b.sentences.length)).toEqual(['1', '1', '1', '1', '-1', '-1'])
    expect(toPlainText(doc)).not.toMatch(/Chuyên mục số|Tin mới|Địa chỉ/)
  })

  test('ordered lists keep their numbers and become numbered items', () => {
    const doc = parseDocument(
      `<article><h1>Hướng dẫn cài đặt</h1><p>Các bước cài đặt ứng dụng trên điện thoại như sau, thực hiện lần lượt:</p><ol><li>Tải ứng dụng.</li><li>Đăng ký tài khoản.</li></ol></article>`,
    )
    expect(toPlainText(doc)).toBe(
      'Hướng dẫn cài đặt\n\nCác bước cài đặt ứng dụng trên điện thoại như sau, thực hiện lần lượt:\n1. Tải ứng dụng.\n2. Đăng ký tài khoản.\n',
    )
  })
})
