// The script of the index and the homework pages, loaded as a classic `<script defer>` (a module
// script does not run from file://): it imports nothing and exports nothing, the build checks that.
// Index: filter the deck cards by department and search their titles. Homework page: copy the
// newsletter snippet. Without it the pages stay whole: every card shows, the snippet's files are linked.

function setupFilter(controls: HTMLElement): void {
  const select = controls.querySelector<HTMLSelectElement>('select[name=department]')
  const input = controls.querySelector<HTMLInputElement>('input[name=q]')
  if (!select || !input) return
  const cards = [...document.querySelectorAll<HTMLElement>('li.deck')]
  const noMatch = document.querySelector<HTMLElement>('p.no-match')
  // "Buero" finds "Büro" only by its letters; "buro" finds it as well: case and accents do not count.
  const fold = (text: string) => text.normalize('NFD').replace(/\p{M}/gu, '').toLocaleLowerCase()
  const titles = new Map(cards.map((card) => [card, fold(card.querySelector('h4')?.textContent ?? '')]))

  const apply = () => {
    const department = select.value
    const words = fold(input.value).split(/\s+/).filter(Boolean)
    for (const card of cards) {
      const title = titles.get(card)!
      card.hidden = (department !== '' && card.dataset.audience !== department) || !words.every((w) => title.includes(w))
    }
    // A department's heading, and "Upcoming" or "Past", go when none of their cards is left.
    for (const section of document.querySelectorAll<HTMLElement>('main section')) section.hidden = !section.querySelector('li.deck:not([hidden])')
    if (noMatch) noMatch.hidden = cards.length === 0 || cards.some((card) => !card.hidden)
  }
  // The filter lives in the address (#department=Vertrieb&q=social): a link or a reload keeps it.
  const remember = () => {
    const params = new URLSearchParams()
    if (select.value) params.set('department', select.value)
    if (input.value) params.set('q', input.value)
    const hash = params.size ? `#${params}` : ''
    try {
      history.replaceState(history.state, '', `${location.pathname}${location.search}${hash}`)
    } catch {
      location.replace(hash || '#')
    }
  }
  const restore = () => {
    const params = new URLSearchParams(location.hash.slice(1))
    const department = params.get('department') ?? ''
    select.value = [...select.options].some((o) => o.value === department) ? department : ''
    input.value = params.get('q') ?? ''
    apply()
  }
  controls.addEventListener('input', () => {
    apply()
    remember()
  })
  window.addEventListener('hashchange', restore)
  controls.hidden = false
  restore()
}

async function copyAsRichText(html: string, text: string): Promise<boolean> {
  try {
    if (!navigator.clipboard?.write || typeof ClipboardItem === 'undefined') return false
    const blob = (content: string, type: string) => new Blob([content], { type })
    await navigator.clipboard.write([new ClipboardItem({ 'text/html': blob(html, 'text/html'), 'text/plain': blob(text, 'text/plain') })])
    return true
  } catch {
    return false
  }
}

/** The older way: select a copy of the snippet outside the view and let the browser copy the selection. */
function copyBySelection(snippet: DocumentFragment): boolean {
  const box = document.createElement('div')
  box.style.cssText = 'position:fixed;left:-10000px;top:0;width:600px;'
  box.append(snippet)
  document.body.append(box)
  const selection = getSelection()
  try {
    const range = document.createRange()
    range.selectNodeContents(box)
    selection?.removeAllRanges()
    selection?.addRange(range)
    return document.execCommand('copy')
  } catch {
    return false
  } finally {
    selection?.removeAllRanges()
    box.remove()
  }
}

function setupCopy(button: HTMLButtonElement): void {
  const html = document.getElementById('newsletter-html') as HTMLTemplateElement | null
  const text = document.getElementById('newsletter-text') as HTMLTemplateElement | null
  const status = button.parentElement?.querySelector<HTMLElement>('.copy-status')
  if (!html || !text || !button.parentElement) return
  button.addEventListener('click', async () => {
    if (status) status.textContent = ''
    const copied = (await copyAsRichText(html.innerHTML, text.content.textContent ?? '')) || copyBySelection(html.content.cloneNode(true) as DocumentFragment)
    if (status) status.textContent = (copied ? button.dataset.copied : button.dataset.failed) ?? ''
  })
  button.parentElement.hidden = false
}

const filter = document.querySelector<HTMLElement>('div[data-filter]')
if (filter) setupFilter(filter)
const copyButton = document.querySelector<HTMLButtonElement>('button[data-copy-newsletter]')
if (copyButton) setupCopy(copyButton)
