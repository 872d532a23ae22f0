// The service and staff selects while their lists load, and once they are there, as static HTML.
import { renderToStaticMarkup } from 'react-dom/server'
import { IntlProvider } from 'react-intl'
import { describe, expect, it } from 'vitest'
import type { EventTypeInfo, Staff } from '../../../../shared/api/schemas'
import { MESSAGES } from '../../app/i18n/messages'
import { ServiceStaffFields } from './ServiceStaffFields'

const haircut: EventTypeInfo = {
  id: 1,
  calcomId: 101,
  slug: 'haircut',
  title: 'Haircut & style',
  lengthInMinutes: 45,
  beforeBufferMinutes: 0,
  afterBufferMinutes: 0,
  minimumNoticeMinutes: 0,
  price: 4500,
  currency: 'CAD',
  requiresConfirmation: false,
  hidden: false,
}

const mia: Staff = { id: 7, name: 'Mia Chen', email: null, colour: '#2f6fdf', active: true }

const render = (services: EventTypeInfo[], staff: Staff[] | 'pending' = [mia]) =>
  renderToStaticMarkup(
    <IntlProvider locale="en" messages={MESSAGES.en}>
      <ServiceStaffFields
        services={services}
        staff={staff === 'pending' ? [] : staff}
        staffPending={staff === 'pending'}
        eventTypeId={services[0]?.id ?? null}
        unavailable={new Map()}
        staffId={null}
        onService={() => undefined}
        onStaff={() => undefined}
      />
    </IntlProvider>,
  )

/** The service select's button: the first of the two selects. */
const serviceButton = (html: string) => html.match(/<button[^>]*>/g)?.[0] ?? ''
/** The staff select's button: the second. */
const staffButton = (html: string) => html.match(/<button[^>]*>/g)?.[1] ?? ''

describe('ServiceStaffFields', () => {
  it('disables the service select while there is nothing to list, so a click is not lost', () => {
    expect(serviceButton(render([]))).toMatch(/\bdisabled\b/)
  })

  it('enables it once the services are there', () => {
    const html = render([haircut])
    expect(serviceButton(html)).not.toMatch(/\bdisabled\b/)
    expect(html).toContain('Haircut &amp; style')
  })

  it('disables the staff select while the staff load: it would offer "Anyone free" alone', () => {
    expect(staffButton(render([haircut], 'pending'))).toMatch(/\bdisabled\b/)
  })

  it('enables it once the staff are there, or when the branch has none', () => {
    expect(staffButton(render([haircut]))).not.toMatch(/\bdisabled\b/)
    expect(staffButton(render([haircut], []))).not.toMatch(/\bdisabled\b/)
  })
})
