// Progressive enhancement only: every page works without this file.
// GOV.UK Frontend: error summary focus, notification banner, double-click guard.
// MoJ Frontend: sortable caseload table.
import { initAll } from '/vendor/govuk/govuk-frontend.min.js'
import { initAll as initMoj } from '/vendor/moj/moj-frontend.min.js'

document.body.classList.add('govuk-frontend-supported')
initAll()
initMoj()
