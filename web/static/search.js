// Search as you type in the header box. Progressive enhancement: without this file
// the form submits to /search, which shows the same ranked results.
//
// Results appear in the page under the box (never a new window) as a list of links.
// A polite live region says how many were found. Keyboard: Down from the box moves
// to the first result, Up/Down move between results, Escape closes the list and
// returns to the box. Everything is built with textContent: nothing typed or
// returned is ever parsed as HTML.

const DEBOUNCE_MS = 250
const LIMIT = 8

function element (tag, className, text) {
  const el = document.createElement(tag)
  if (className) el.className = className
  if (text !== undefined) el.textContent = text
  return el
}

function formatDate (iso) {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso || '')
  if (!m) return iso || ''
  const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec']
  return `${Number(m[3])} ${months[Number(m[2]) - 1]} ${m[1]}`
}

function resultItem (r) {
  const li = element('li', 'onecase-search-results__item')
  if (r.access !== 'open') {
    // A case the caller may not open: that it exists and whom to ask, nothing else.
    li.append(element('strong', 'govuk-tag govuk-tag--grey', 'Restricted'), ' ', element('span', 'govuk-body-s', r.message))
    return li
  }
  const link = element('a', 'govuk-link onecase-search-results__link', `${r.lastName}, ${r.firstName}`)
  link.href = `/cases/${encodeURIComponent(r.crn)}`
  const cm = r.caseManager ? `${r.caseManager.name} (${r.caseManager.teamName})` : 'Unallocated'
  const details = [r.crn, `born ${formatDate(r.dateOfBirth)}`, cm, r.tier ? `tier ${r.tier}` : null,
    r.currentCase ? 'current' : 'previous case'].filter(Boolean).join(' · ')
  li.append(link, element('span', 'govuk-body-s onecase-search-results__details', details))
  if (r.matchedName) {
    li.append(element('span', 'govuk-body-s onecase-search-results__details',
      `${r.matchedName.kind === 'previous' ? 'Previously' : 'Also known as'} ${r.matchedName.name}`))
  }
  return li
}

export function initSearchAsYouType (form = document.querySelector('form.onecase-search')) {
  if (!form || !window.fetch) return
  const input = form.querySelector('input[name="q"]')
  if (!input) return
  const panel = element('div', 'onecase-search-results')
  panel.id = `${input.id}-results`
  panel.hidden = true
  const status = element('p', 'govuk-visually-hidden')
  status.setAttribute('role', 'status')
  status.setAttribute('aria-live', 'polite')
  const list = element('ul', 'govuk-list onecase-search-results__list')
  list.setAttribute('aria-label', 'People found')
  const all = element('a', 'govuk-link govuk-body-s', 'See all results')
  panel.append(list, all)
  form.after(panel)
  form.append(status)
  input.setAttribute('aria-controls', panel.id)

  let timer = null
  let controller = null
  let shownFor = ''

  const close = () => {
    panel.hidden = true
  }

  const show = (q, results) => {
    list.replaceChildren(...results.map(resultItem))
    all.href = `/search?q=${encodeURIComponent(q)}`
    panel.hidden = false
    shownFor = q
    status.textContent = results.length === 0
      ? 'No people found'
      : `${results.length} ${results.length === 1 ? 'person' : 'people'} found. Press down to move to the results.`
  }

  const run = async (q) => {
    if (controller) controller.abort()
    controller = new AbortController()
    try {
      const res = await fetch(`/api/v1/people?q=${encodeURIComponent(q)}&limit=${LIMIT}`, {
        credentials: 'same-origin', headers: { Accept: 'application/json' }, signal: controller.signal
      })
      if (!res.ok) return // the form still submits to /search
      const body = await res.json()
      if (input.value.trim() === q) show(q, body.results || [])
    } catch (e) {
      if (e.name !== 'AbortError') close()
    }
  }

  input.addEventListener('input', () => {
    clearTimeout(timer)
    const q = input.value.trim()
    if (q.length < 2) {
      close()
      status.textContent = ''
      return
    }
    timer = setTimeout(() => run(q), DEBOUNCE_MS)
  })

  const links = () => Array.from(panel.querySelectorAll('a'))
  input.addEventListener('keydown', (e) => {
    if (e.key === 'ArrowDown' && !panel.hidden) {
      e.preventDefault()
      links()[0]?.focus()
    } else if (e.key === 'Escape') {
      close()
    }
  })
  panel.addEventListener('keydown', (e) => {
    const all = links()
    const i = all.indexOf(document.activeElement)
    if (e.key === 'ArrowDown') {
      e.preventDefault()
      all[Math.min(i + 1, all.length - 1)]?.focus()
    } else if (e.key === 'ArrowUp') {
      e.preventDefault()
      if (i <= 0) input.focus()
      else all[i - 1].focus()
    } else if (e.key === 'Escape') {
      close()
      input.focus()
    }
  })
  input.addEventListener('focus', () => {
    if (shownFor && shownFor === input.value.trim()) {
      panel.hidden = false
    }
  })
  document.addEventListener('click', (e) => {
    if (!panel.contains(e.target) && !form.contains(e.target)) close()
  })
}
