import ipaddr from 'ipaddr.js';

/**
 * Whether a webhook may connect to this IP address. Only ordinary public unicast addresses pass:
 * ipaddr.js names every special range (loopback, private, link-local — 169.254.169.254, the cloud
 * metadata address, is one —, carrier-grade NAT, unique-local IPv6, multicast, reserved,
 * NAT64/6to4/Teredo forms that embed another address…), and IPv4-mapped IPv6 is judged as the
 * IPv4 address it carries.
 */
export function isPublicAddress(address: string): boolean {
  if (!ipaddr.isValid(address)) return false;
  return ipaddr.process(address).range() === 'unicast';
}

/** The range ipaddr.js puts an address in ("loopback", "private", …), for refusal messages. */
export function addressRange(address: string): string {
  return ipaddr.isValid(address) ? ipaddr.process(address).range() : 'invalid';
}
