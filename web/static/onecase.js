// Progressive enhancement only: every page works without this file.
// GOV.UK Frontend: error summary focus, notification banner, double-click guard.
// MoJ Frontend: sortable caseload table. Drafts: autosave of what is typed.
// Search: results under the header box as you type.
import { initAll } from '/vendor/govuk/govuk-frontend.min.js'
import { initAll as initMoj } from '/vendor/moj/moj-frontend.min.js'
import { initDrafts } from '/static/drafts.js'
import { initSearchAsYouType } from '/static/search.js'

document.body.classList.add('govuk-frontend-supported')
initAll()
initMoj()
initDrafts()
initSearchAsYouType()
