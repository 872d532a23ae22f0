// Cal.com fills in an address of its own (name-or-phone@sms.cal.com) when a booking has no email,
// as for a walk-in who gave only a name. It reaches nobody: shown as the client's email, a
// receptionist would read it as real, and choosing that client for a new booking would send it
// back to Cal.com as their address. The desk shows such an address as no email at all.
const CALCOM_PLACEHOLDER = /@sms\.cal\.com$/i

export function realEmail(email: string | null | undefined): string | null {
  if (!email || CALCOM_PLACEHOLDER.test(email.trim())) return null
  return email
}
