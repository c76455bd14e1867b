/** Shared parts of the document and news pages: reading state, the player, and the text. */
import type { Reading } from '../_lib/reading'
import type { State } from '../_lib/content'
import { Player } from './Player'
import { FullText, SummaryBlock, Toc } from './ReadingView'
import { SaveButton } from './SaveButton'

type Props = { kind: 'documents' | 'news'; id: string | number; path: string; reading: Reading; state?: State; signedIn: boolean; member: boolean }

export function ReadAndListen({ kind, id, path, reading, state, signedIn, member }: Props) {
  const { full, summary } = reading.audio
  const audioUrls = [full?.url, summary?.url].filter((u): u is string => !!u)
  const chapters = reading.structure.sections
    .filter((s) => s.heading && s.sentences.length > 0)
    .map((s) => ({ id: s.id, heading: s.heading, sentenceId: `${s.id}.h` }))
    .map((c, i) => {
      // A heading may not be read as its own sentence: fall back to the section's first sentence.
      const section = reading.structure.sections.filter((s) => s.heading && s.sentences.length > 0)[i]
      const timed = full?.timings.some((t) => t.sentenceId === c.sentenceId)
      return timed ? c : { ...c, sentenceId: section.sentences[0].id }
    })
  return (
    <>
      <div className="actions">
        {member ? (
          <SaveButton kind={kind} id={id} saved={!!state?.saved} audio={audioUrls} back={path} />
        ) : (
          !signedIn && <p className="note">Đăng nhập để lưu văn bản và nghe tiếp trên máy khác.</p>
        )}
      </div>
      <SummaryBlock reading={reading} />
      {full || summary ? (
        <Player
          kind={kind}
          id={id}
          tracks={{ full, summary }}
          chapters={chapters}
          resume={state?.positionMs ? { track: state.track === 'summary' ? 'summary' : 'full', positionMs: state.positionMs } : null}
          signedIn={member}
        />
      ) : (
        <p className="notice" id="nghe">Bản nghe của văn bản này đang được chuẩn bị. Đồng chí đọc bản chữ dưới đây, hoặc quay lại sau.</p>
      )}
      <Toc sections={reading.structure.sections} />
      <FullText sections={reading.structure.sections} />
    </>
  )
}
