import { describe, expect, it } from 'vitest';
import { addressNetwork, addressPrefix, normalizeAddress } from './address-prefix.ts';

describe('address prefixes', () => {
  it('groups IPv4 addresses by /24', () => {
    expect(addressPrefix('192.0.2.7')).toBe('192.0.2.0/24');
    expect(addressPrefix('192.0.2.250')).toBe('192.0.2.0/24');
    expect(addressPrefix('192.0.3.7')).toBe('192.0.3.0/24');
    expect(addressPrefix('127.0.0.1')).toBe('127.0.0.0/24');
  });

  it('counts an IPv4-mapped IPv6 address as the IPv4 address, in dotted and hex form', () => {
    expect(normalizeAddress('::ffff:192.0.2.7')).toBe('192.0.2.7');
    expect(normalizeAddress('::FFFF:c000:0207')).toBe('192.0.2.7');
    expect(normalizeAddress('0:0:0:0:0:ffff:192.0.2.7')).toBe('192.0.2.7');
    expect(addressPrefix('::ffff:192.0.2.7')).toBe('192.0.2.0/24');
    expect(addressNetwork('::ffff:192.0.2.7')).toBe('192.0.2.0/24');
  });

  it('groups IPv6 addresses by /64 and /48, whatever their spelling', () => {
    expect(addressPrefix('2001:db8:0:1::5')).toBe('2001:db8:0:1::/64');
    expect(addressPrefix('2001:0DB8:0000:0001:aaaa:bbbb:cccc:dddd')).toBe('2001:db8:0:1::/64');
    expect(addressPrefix('[2001:db8:0:1::5]')).toBe('2001:db8:0:1::/64');
    expect(addressPrefix('2001:db8::1')).toBe('2001:db8:0:0::/64');
    expect(addressNetwork('2001:db8:0:1::5')).toBe('2001:db8:0::/48');
    expect(addressNetwork('2001:db8:0:ffff::5')).toBe('2001:db8:0::/48');
    expect(addressNetwork('2001:db8:1:1::5')).toBe('2001:db8:1::/48');
    expect(normalizeAddress('fe80::1%eth0')).toBe('fe80:0:0:0:0:0:0:1');
    expect(addressPrefix('::1')).toBe('0:0:0:0::/64');
  });

  it('keeps an IPv6 address with an embedded IPv4 that is not mapped as IPv6', () => {
    expect(addressPrefix('64:ff9b::192.0.2.7')).toBe('64:ff9b:0:0::/64');
  });

  it('makes anything that is not an address its own network', () => {
    expect(addressPrefix('unknown')).toBe('unknown');
    expect(addressNetwork(' Unknown ')).toBe('unknown');
    expect(addressPrefix('999.1.1.1')).toBe('999.1.1.1');
  });
});
describe('addressPrefix, as the login throttle reads it', () => {
  it('groups IPv4 addresses by /24, also when Node reports them IPv4-mapped', () => {
    expect(addressPrefix('203.0.113.7')).toBe('203.0.113.0/24');
    expect(addressPrefix('203.0.113.250')).toBe('203.0.113.0/24');
    expect(addressPrefix('::ffff:203.0.113.7')).toBe('203.0.113.0/24');
    expect(addressPrefix('203.0.114.7')).not.toBe(addressPrefix('203.0.113.7'));
  });

  it('groups IPv6 addresses by /64 whatever their spelling', () => {
    expect(addressPrefix('2001:db8:1:2::1')).toBe('2001:db8:1:2::/64');
    expect(addressPrefix('2001:0DB8:0001:0002:ffff:ffff:ffff:ffff')).toBe('2001:db8:1:2::/64');
    expect(addressPrefix('[2001:db8:1:2::5]')).toBe('2001:db8:1:2::/64');
    expect(addressPrefix('fe80::1%eth0')).toBe('fe80:0:0:0::/64');
    expect(addressPrefix('::1')).toBe('0:0:0:0::/64');
    expect(addressPrefix('2001:db8:1:3::1')).not.toBe(addressPrefix('2001:db8:1:2::1'));
  });

  it('leaves anything that is not an address as it is', () => {
    expect(addressPrefix('unknown')).toBe('unknown');
  });
});
