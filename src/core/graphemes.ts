// Text split into graphemes (what a reader sees as one character: an emoji with its modifiers, a
// letter with its accents). The segmenter is made on first use: making one loads ICU's break rules,
// which costs a small build more than it needs when its decks are plain Latin text.
let segmenter: Intl.Segmenter | undefined

/** The graphemes of `text`, in order. @example [...graphemes('e\u0301👍🏽')] // ['é', '👍🏽'] */
export function* graphemes(text: string): Generator<string> {
  segmenter ??= new Intl.Segmenter('en', { granularity: 'grapheme' })
  for (const { segment } of segmenter.segment(text)) yield segment
}
