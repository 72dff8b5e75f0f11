// Nothing typed is lost. Every form marked data-draft-key keeps what is typed in it:
// in this browser's storage at every keystroke, and on the server within a few
// seconds of the last keystroke and whenever a field is left. Reopening the form
// (after a reload, a closed tab, a crash or a new sign-in) brings the text back with
// a message saying so. The server removes its copy in the same commit that saves the
// record, and tells this script to remove the browser's copy (cookie
// onecase_saved_drafts). Without this script the forms still work, and a form
// posted after the session ended is still kept, by the server.

const SERVER_SAVE_DELAY_MS = 2000 // well inside the promised 5 seconds
const SAVED_COOKIE = 'onecase_saved_drafts'

const meta = (name) => document.querySelector(`meta[name="${name}"]`)?.content ?? ''

function storageKey (user, formKey) { return `onecase-draft:${user}:${formKey}` }

function readLocal (key) {
  try { return JSON.parse(window.localStorage.getItem(key) ?? 'null') } catch { return null }
}

function writeLocal (key, draft) {
  try { window.localStorage.setItem(key, JSON.stringify(draft)) } catch { /* storage full or disabled: the server copy remains */ }
}

function removeLocal (key) {
  try { window.localStorage.removeItem(key) } catch { /* nothing to remove */ }
}

// The fields a person types into: not hidden inputs, not buttons.
function typedFields (form) {
  const fields = {}
  for (const el of form.elements) {
    if (!el.name || el.type === 'hidden' || el.type === 'submit' || el.type === 'button') continue
    if (el.type === 'checkbox') fields[el.name] = el.checked ? el.value : ''
    else if (el.type === 'radio') { if (el.checked) fields[el.name] = el.value }
    else fields[el.name] = el.value
  }
  return fields
}

function applyFields (form, fields) {
  for (const el of form.elements) {
    if (!el.name || !(el.name in fields) || el.type === 'hidden') continue
    if (el.type === 'checkbox') el.checked = fields[el.name] === el.value
    else if (el.type === 'radio') el.checked = fields[el.name] === el.value
    else el.value = fields[el.name]
  }
}

function sameFields (a, b) {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)])
  for (const k of keys) if ((a[k] ?? '') !== (b[k] ?? '')) return false
  return true
}

function hasText (fields) {
  return Object.values(fields).some((v) => typeof v === 'string' && v.trim() !== '')
}

// A draft is worth keeping while a text area holds text: a changed date alone is not
// a lost word, and restoring it would only surprise.
function hasTypedText (form) {
  return [...form.querySelectorAll('textarea')].some((el) => el.value.trim() !== '')
}

function clearSavedDrafts (user) {
  const match = document.cookie.split('; ').find((c) => c.startsWith(SAVED_COOKIE + '='))
  if (!match) return
  for (const formKey of decodeURIComponent(match.slice(SAVED_COOKIE.length + 1)).split(' ')) {
    if (formKey) removeLocal(storageKey(user, formKey))
  }
  document.cookie = `${SAVED_COOKIE}=; Path=/; Max-Age=0; SameSite=Lax`
}

function showRestored (form, savedAt, onDiscard) {
  if (document.querySelector('[data-draft-restored]')) return
  const banner = document.createElement('div')
  banner.className = 'govuk-notification-banner'
  banner.setAttribute('role', 'region')
  banner.setAttribute('aria-labelledby', 'draft-restored-title')
  banner.dataset.draftRestored = ''
  const when = savedAt ? new Date(savedAt).toLocaleString('en-GB', { dateStyle: 'medium', timeStyle: 'short' }) : ''
  banner.innerHTML = '<div class="govuk-notification-banner__header"><h2 class="govuk-notification-banner__title" id="draft-restored-title">Unsaved text restored</h2></div>' +
    '<div class="govuk-notification-banner__content"><p class="govuk-notification-banner__heading"></p></div>'
  banner.querySelector('p').textContent = `This form has text you typed but did not save${when ? ` (kept ${when})` : ''}. Check it and save, or change it.`
  form.before(banner)
  addDiscardButton(banner, onDiscard)
}

function addDiscardButton (banner, onDiscard) {
  if (banner.querySelector('[data-draft-discard]')) return
  const button = document.createElement('button')
  button.type = 'button'
  button.className = 'govuk-button govuk-button--secondary govuk-!-margin-bottom-0'
  button.dataset.draftDiscard = ''
  button.textContent = 'Discard this text'
  button.addEventListener('click', () => { onDiscard(); banner.remove() })
  banner.querySelector('.govuk-notification-banner__content').append(button)
}

// The server needs to know which draft a posted form was, to remove it once saved
// and to keep the form if the session has ended; forms whose template does not say
// so get the hidden fields here.
function ensureHidden (form, name, value) {
  if (form.querySelector(`input[type="hidden"][name="${name}"]`) || !value) return
  const input = document.createElement('input')
  input.type = 'hidden'
  input.name = name
  input.value = value
  form.append(input)
}

function setUpForm (form, user, csrf) {
  const formKey = form.dataset.draftKey
  const crn = form.dataset.draftCrn || null
  ensureHidden(form, 'draftKey', formKey)
  ensureHidden(form, 'draftCrn', crn)
  ensureHidden(form, 'draftReturnTo', window.location.pathname + window.location.search)
  const key = storageKey(user, formKey)
  const url = `/api/v1/drafts/${encodeURIComponent(formKey)}`
  const original = typedFields(form)
  const status = document.createElement('p')
  status.className = 'govuk-body-s onecase-draft-status'
  status.setAttribute('aria-live', 'polite')
  form.append(status)

  let timer = null
  let lastSentToServer = JSON.stringify(original)

  const saveToServer = () => {
    clearTimeout(timer)
    timer = null
    const fields = typedFields(form)
    if (JSON.stringify(fields) === lastSentToServer) return
    if (!hasTypedText(form)) {
      lastSentToServer = JSON.stringify(fields)
      fetch(url, { method: 'DELETE', keepalive: true, credentials: 'same-origin', headers: { 'X-CSRF-Token': csrf } }).catch(() => {})
      return
    }
    const body = JSON.stringify({ fields, crn })
    // keepalive: the save completes even when the page is being left.
    fetch(url, { method: 'PUT', keepalive: true, credentials: 'same-origin', headers: { 'Content-Type': 'application/json', 'X-CSRF-Token': csrf }, body })
      .then((r) => {
        if (r.ok) {
          lastSentToServer = JSON.stringify(fields)
          status.textContent = `Draft saved at ${new Date().toLocaleTimeString('en-GB', { hour: '2-digit', minute: '2-digit' })}`
        } else if (r.status === 401) {
          status.textContent = 'Your session has ended. Your text is kept in this browser; saving the form will ask you to sign in and keep it.'
        } else {
          status.textContent = 'The draft could not be saved to the server just now. Your text is kept in this browser.'
        }
      })
      .catch(() => { status.textContent = 'No connection to the server. Your text is kept in this browser.' })
  }

  const keepLocally = () => {
    if (!hasTypedText(form)) { removeLocal(key); return }
    writeLocal(key, { fields: typedFields(form), savedAt: new Date().toISOString() })
  }

  const discard = () => {
    removeLocal(key)
    for (const el of form.querySelectorAll('textarea')) el.value = ''
    fetch(url, { method: 'DELETE', credentials: 'same-origin', headers: { 'X-CSRF-Token': csrf } }).catch(() => {})
    lastSentToServer = JSON.stringify(typedFields(form))
  }

  form.addEventListener('input', () => {
    keepLocally()
    clearTimeout(timer)
    timer = setTimeout(saveToServer, SERVER_SAVE_DELAY_MS)
  })
  form.addEventListener('change', keepLocally)
  form.addEventListener('focusout', () => { if (timer) saveToServer() })
  window.addEventListener('pagehide', () => { if (timer) saveToServer() })

  const serverBanner = document.querySelector('[data-draft-restored]')
  if (serverBanner) {
    // The server already filled the form from its copy of the draft.
    addDiscardButton(serverBanner, discard)
    return
  }
  // Otherwise the newest of this browser's copy and the server's, if it differs
  // from what the page shows.
  const local = readLocal(key)
  fetch(`/api/v1/drafts?formKey=${encodeURIComponent(formKey)}`, { credentials: 'same-origin', headers: { Accept: 'application/json' } })
    .then((r) => (r.ok ? r.json() : null))
    .catch(() => null)
    .then((list) => {
      const server = list?.drafts?.[0]
      const candidates = [local, server].filter((d) => d && d.fields && hasText(d.fields))
      if (!candidates.length) return
      candidates.sort((a, b) => String(b.savedAt).localeCompare(String(a.savedAt)))
      const newest = candidates[0]
      if (sameFields({ ...typedFields(form), ...newest.fields }, typedFields(form))) return
      applyFields(form, newest.fields)
      showRestored(form, newest.savedAt, discard)
    })
}

export function initDrafts () {
  const user = meta('onecase-user')
  const csrf = meta('onecase-csrf')
  if (!user) return
  clearSavedDrafts(user)
  for (const form of document.querySelectorAll('form[data-draft-key]')) setUpForm(form, user, csrf)
  // Signing out on a shared computer leaves no notes behind in this browser: the
  // server keeps each draft for its owner.
  const signOut = document.querySelector('form[action="/sign-out"]')
  signOut?.addEventListener('submit', () => {
    for (let i = window.localStorage.length - 1; i >= 0; i--) {
      const k = window.localStorage.key(i)
      if (k?.startsWith(`onecase-draft:${user}:`)) removeLocal(k)
    }
  })
}
