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

  it('says in words what a refresh of services, staff and hours ran into, and what to do', () => {
    const refreshProblems = (locale: 'en' | 'es') =>
      renderToStaticMarkup(
        <IntlProvider locale={locale} messages={MESSAGES[locale]}>
          <RecentProblems
            errors={[
              {
                at: '2026-03-10T10:05:00Z',
                source: 'calcom',
                code: 'REFERENCE_ACCOUNT_MISMATCH',
                message:
                  'Cal.com answered for account 2, not this branch’s 1; nothing was changed.',
              },
              {
                at: '2026-03-10T10:00:00Z',
                source: 'calcom',
                code: 'REFERENCE_NOT_APPLIED',
                message: 'Services, staff and opening hours read from Cal.com could not be kept.',
              },
            ]}
            needsAttention={0}
            timeZone="America/Toronto"
          />
        </IntlProvider>,
      )
    const en = refreshProblems('en')
    expect(en).toContain('Cal.com answered for an account other than this branch’s')
    expect(en).toContain('disconnect it in Settings and connect it with that account')
    expect(en).toContain('could not be saved at this desk')
    expect(en).not.toContain(MESSAGES.en['syncHealth.problem.OTHER'])
    const es = refreshProblems('es')
    expect(es).toContain('Cal.com respondió con otra cuenta')
    expect(es).toContain('no se pudieron guardar en este mostrador')
    expect(es).not.toContain(MESSAGES.es['syncHealth.problem.OTHER'])
  })

  it('says there are no problems when nothing failed and nothing waits for attention', () => {
    expect(render(0)).toContain('No problems since the desk started.')
    expect(render(0)).not.toContain('sync-problem-refused')
  })
})
