// Sync health's problems, as static HTML in both languages: a change Cal.com refused is a problem
// until someone deals with it, so the section never says there are none while one waits.
import { renderToStaticMarkup } from 'react-dom/server'
import { IntlProvider } from 'react-intl'
import { describe, expect, it } from 'vitest'
import { MESSAGES } from '../../app/i18n/messages'
import { RecentProblems } from './RecentProblems'

const render = (needsAttention: number | undefined, locale: 'en' | 'es' = 'en') =>
  renderToStaticMarkup(
    <IntlProvider locale={locale} messages={MESSAGES[locale]}>
      <RecentProblems errors={[]} needsAttention={needsAttention} timeZone="America/Toronto" />
    </IntlProvider>,
  )

describe('recent problems', () => {
  it('says a refused change needs attention, and not that there are no problems', () => {
    const html = render(1)
    expect(html).not.toContain('No problems')
    expect(html).toContain('Cal.com refused 1 change made here; it needs attention')
    expect(html).toContain('href="#/attention"')
    expect(render(2, 'es')).toContain('Cal.com rechazó 2 cambios hechos aquí; requieren atención')
  })

  it('says there are no problems when nothing failed and nothing waits for attention', () => {
    expect(render(0)).toContain('No problems since the desk started.')
    expect(render(0)).not.toContain('sync-problem-refused')
  })
})
