import { describe, expect, it } from 'vitest';
import { PRIVATE_INTEL_ORIGINS } from '@/utils/feed/cisco-hosts';

describe('PRIVATE_INTEL_ORIGINS', () => {
  it('asks host access to exactly the three private-intel hosts, over https, where Check feed fetches', () => {
    expect(PRIVATE_INTEL_ORIGINS).toEqual([
      'https://private.intel.amp.cisco.com/*',
      'https://private.intel.eu.amp.cisco.com/*',
      'https://private.intel.apjc.amp.cisco.com/*',
    ]);
  });
});
