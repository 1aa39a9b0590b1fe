import { describe, expect, it } from 'vitest';
import { localeTranslate } from '../i18n/locale-file.ts';
import {
  addressError,
  chainIdError,
  checkPemAnchors,
  type FieldProblem,
  httpUrlError,
  parseChainIds,
} from './validate.ts';

const t = await localeTranslate('en');
/** The problem as the options page shows it in English. */
const say = (problem: FieldProblem | null | undefined) =>
  problem ? t(problem.key, problem.params) : problem;

const CERT = '-----BEGIN CERTIFICATE-----\nMIIBszCCAVmgAwIBAgIU\nQUJD\n-----END CERTIFICATE-----';

describe('URLs', () => {
  it('accepts http and https only', () => {
    expect(httpUrlError('https://mainnet.base.org')).toBeNull();
    expect(httpUrlError('http://127.0.0.1:8545')).toBeNull();
    expect(say(httpUrlError('wss://x.example'))).toMatch(/http/);
    expect(say(httpUrlError('javascript:alert(1)'))).toMatch(/http/);
    expect(say(httpUrlError('not a url'))).toMatch(/not a valid URL/);
    expect(say(httpUrlError('  '))).toMatch(/Enter/);
  });
});

describe('addresses and chain ids', () => {
  it('wants 0x + 40 hex', () => {
    expect(addressError('0x4e59b44847b379578588920ca78fbf26c0b4956c')).toBeNull();
    expect(addressError('0x4E59B44847B379578588920CA78FBF26C0B4956C')).toBeNull();
    expect(say(addressError('0x4e59b448'))).toMatch(/40/);
    expect(say(addressError('4e59b44847b379578588920ca78fbf26c0b4956c'))).toMatch(/0x/);
  });

  it('parses chain id lists', () => {
    expect(parseChainIds('')).toEqual({});
    expect(parseChainIds('1, 8453 10,1')).toEqual({ ids: [1, 8453, 10] });
    expect(say(parseChainIds('1, base').error)).toMatch(/base/);
    expect(say(chainIdError('0'))).toMatch(/positive/);
  });
});

describe('PEM anchors', () => {
  it('accepts empty input and well-formed blocks', () => {
    expect(checkPemAnchors('')).toEqual({ count: 0, error: null });
    expect(checkPemAnchors(`${CERT}\n\n${CERT}\n`)).toEqual({ count: 2, error: null });
  });

  it('rejects text outside blocks, unterminated blocks, bad base64 and private keys', () => {
    expect(say(checkPemAnchors(`hello\n${CERT}`).error)).toMatch(/Only/);
    expect(say(checkPemAnchors(`${CERT}\n-----BEGIN CERTIFICATE-----\nQUJD`).error)).toMatch(
      /END CERTIFICATE/,
    );
    expect(
      say(checkPemAnchors('-----BEGIN CERTIFICATE-----\n%%%%\n-----END CERTIFICATE-----').error),
    ).toMatch(/damaged/);
    expect(
      say(checkPemAnchors('-----BEGIN PRIVATE KEY-----\nQUJD\n-----END PRIVATE KEY-----').error),
    ).toMatch(/private key/);
  });
});
