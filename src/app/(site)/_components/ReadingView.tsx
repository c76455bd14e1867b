/**
 * The text of a document or news item: summary, table of contents by section, and the full text with
 * every sentence addressable (the player highlights it and plays from it when tapped).
 */
import type { Reading, ReadingSection } from '../_lib/reading'

const headingTag = (level: number) => (level <= 1 ? 'h3' : 'h4')

export function Toc({ sections }: { sections: ReadingSection[] }) {
  const titled = sections.filter((s) => s.heading)
  if (titled.length < 2) return null
  return (
    <nav className="toc" aria-labelledby="muc-luc">
      <h2 id="muc-luc">Mục lục</h2>
      <ol>
        {titled.map((s) => (
          <li key={s.id} className={`level-${s.level}`}>
            <a href={`#${s.id}`}>{s.heading}</a>
          </li>
        ))}
      </ol>
    </nav>
  )
}

export function SummaryBlock({ reading }: { reading: Reading }) {
  const { sentences, keyPoints } = reading.summary
  if (sentences.length === 0 && keyPoints.length === 0) return null
  return (
    <section className="summary-box" aria-labelledby="tom-tat">
      <h2 id="tom-tat">Tóm tắt</h2>
      {sentences.length > 0 && (
        <p>
          {sentences.map((s) => (
            <span key={s.id} className="sentence" data-sid={s.id} data-track="summary">
              {s.text}{' '}
            </span>
          ))}
        </p>
      )}
      {keyPoints.length > 0 && (
        <>
          <h3>Ý chính</h3>
          <ul className="key-points">
            {keyPoints.map((k, i) => (
              <li key={i}>
                {k.heading && <a href={`#${k.sectionId}`}>{k.heading}</a>}
                {k.text}
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  )
}

export function FullText({ sections }: { sections: ReadingSection[] }) {
  if (sections.length === 0) return <p className="muted">Văn bản này chưa có nội dung dạng chữ. Đồng chí mở tệp bản gốc ở trên để đọc.</p>
  return (
    <section className="reading" aria-labelledby="toan-van">
      <h2 id="toan-van">Toàn văn</h2>
      {sections.map((s) => {
        const H = headingTag(s.level)
        return (
          <div key={s.id} className="reading-section">
            {s.heading &&
              (s.headingId ? (
                // Read aloud too: highlighted while it is read, and tapping it plays from there.
                <H id={s.id} tabIndex={-1} className="sentence" data-sid={s.headingId} data-track="full">
                  {s.heading}
                </H>
              ) : (
                <H id={s.id} tabIndex={-1}>
                  {s.heading}
                </H>
              ))}
            {s.sentences.length > 0 && (
              <p>
                {s.sentences.map((t) => (
                  <span key={t.id} className="sentence" data-sid={t.id} data-track="full">
                    {t.text}{' '}
                  </span>
                ))}
              </p>
            )}
          </div>
        )
      })}
    </section>
  )
}
