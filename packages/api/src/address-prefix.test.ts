import { describe, expect, it } from 'vitest';
import { addressPrefix } from './address-prefix.ts';

describe('addressPrefix', () => {
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
