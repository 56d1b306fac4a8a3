import { describe, expect, it } from 'vitest';
import { MatchPattern } from 'wxt/utils/match-patterns';
import { CLOUD_GATEWAY_MATCHES } from '@/utils/gateway/gateway-hosts';
import { isCloudGateway } from '@/utils/gateways/known-gateways';

/** Whether the manifest's Cloud Gateway patterns (host permission and gateway script) take in `url`. */
const matched = (url: string) => CLOUD_GATEWAY_MATCHES.some((pattern) => new MatchPattern(pattern).includes(url));

describe('the Cloud Gateway’s host patterns', () => {
  it.each([
    'https://dh1234-esa1.iphmx.com/mail_policies/etf/add_source/',
    'https://dh1234-esa1.iphmx.com/mail_policies/etf/sources/',
    'https://ab99-esa2.eu.iphmx.com/',
  ])('take in %s, a page the extension treats as the Cloud Gateway', (url) => {
    expect([isCloudGateway(new URL(url)), matched(url)]).toEqual([true, true]);
  });

  it.each([
    'http://dh1234-esa1.iphmx.com/mail_policies/etf/add_source/',
    'https://dh1234-esa1.iphmx.com.evil.example/mail_policies/etf/add_source/',
    'https://iphmx.example/',
  ])('leave out %s, a page it does not', (url) => {
    expect([isCloudGateway(new URL(url)), matched(url)]).toEqual([false, false]);
  });
});
