import { Fragment } from 'react';
import { foldForSort } from '../../../../shared/text';

export interface HighlightProps {
  text: string;
  /** The words typed; the start of each word of `text` that one of them begins is marked. */
  words: string[];
}

/** How many characters of `word` the typed word covers, accent- and case-free (0 when it is not a prefix). */
function coveredLength(word: string, typed: string): number {
  const target = foldForSort(typed);
  if (!target || !foldForSort(word).startsWith(target)) return 0;
  for (let n = 1; n <= word.length; n++) if (foldForSort(word.slice(0, n)).length >= target.length) return n;
  return word.length;
}

/** The title with the matched word starts in bold, as the search matched them ("mull" → **Müll**er). */
export function Highlight({ text, words }: HighlightProps) {
  if (words.length === 0) return <>{text}</>;
  const parts = text.split(/([\p{L}\p{N}\p{M}]+)/u);
  return (
    <>
      {parts.map((part, i) => {
        const n = i % 2 === 1 ? Math.max(0, ...words.map((w) => coveredLength(part, w))) : 0;
        return n === 0 ? (
          <Fragment key={i}>{part}</Fragment>
        ) : (
          <Fragment key={i}>
            <mark>{part.slice(0, n)}</mark>
            {part.slice(n)}
          </Fragment>
        );
      })}
    </>
  );
}
