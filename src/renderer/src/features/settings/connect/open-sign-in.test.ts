import { describe, expect, it } from 'vitest'
import { signInOpener } from './open-sign-in'

describe('signInOpener', () => {
  it('hands the URL to the Electron bridge when there is one', async () => {
    const opened: string[] = []
    const tabs: string[] = []
    const open = signInOpener({
      bridge: { openExternal: async (url) => void opened.push(url) },
      openTab: (url) => void tabs.push(url),
    })
    await open('https://app.cal.com/auth/oauth2/authorize?client_id=x')
    expect(opened).toEqual(['https://app.cal.com/auth/oauth2/authorize?client_id=x'])
    expect(tabs).toEqual([])
  })

  it('opens a new tab in a browser on the headless desk', async () => {
    const tabs: string[] = []
    await signInOpener({ bridge: undefined, openTab: (url) => void tabs.push(url) })(
      'http://127.0.0.1:5555/auth/oauth2/authorize',
    )
    expect(tabs).toEqual(['http://127.0.0.1:5555/auth/oauth2/authorize'])
  })

  it('refuses anything that is not a web page, and passes the bridge refusal on', async () => {
    const tabs: string[] = []
    const open = signInOpener({ bridge: undefined, openTab: (url) => void tabs.push(url) })
    await expect(open('javascript:alert(1)')).rejects.toThrow(/not a web page/)
    await expect(open('not a url')).rejects.toThrow()
    expect(tabs).toEqual([])
    const refusing = signInOpener({
      bridge: {
        openExternal: async () => {
          throw new Error('Only http and https links open outside the app')
        },
      },
      openTab: () => undefined,
    })
    await expect(refusing('https://app.cal.com/')).rejects.toThrow(/Only http and https/)
  })
})
