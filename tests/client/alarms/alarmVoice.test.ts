import { describe, expect, it } from 'vitest';
import { pickVoice, spokenPlace, type VoiceInfo } from '../../../client/alarms/alarmVoice';

const voice = (lang: string, localService = true, name = lang): VoiceInfo => ({ lang, name, localService });

describe('the voice a wall speaks with', () => {
  it('is Mainland Mandarin for a Chinese wall, before Taiwan Mandarin, and never Cantonese while Mandarin exists', () => {
    expect(pickVoice([voice('en-US'), voice('zh-HK'), voice('zh-TW'), voice('zh-CN')], 'zh-CN')?.lang).toBe('zh-CN');
    expect(pickVoice([voice('zh-HK'), voice('zh-TW')], 'zh-CN')?.lang).toBe('zh-TW');
    expect(pickVoice([voice('zh_CN')], 'zh-CN')?.lang).toBe('zh_CN');
  });

  it('is English for an English wall', () => {
    expect(pickVoice([voice('zh-CN'), voice('en-GB')], 'en')?.lang).toBe('en-GB');
  });

  it('is none when the machine has no voice in the wall’s language: the wall stays silent', () => {
    expect(pickVoice([], 'zh-CN')).toBeNull();
    expect(pickVoice([voice('en-US')], 'zh-CN')).toBeNull();
  });

  it('is never a network voice: the command centre must not reach another host', () => {
    expect(pickVoice([voice('zh-CN', false, 'Google 普通话')], 'zh-CN')).toBeNull();
  });

  it('reads a place without the board’s separator', () => {
    expect(spokenPlace('三福社区 · 福泰小区')).toBe('三福社区 福泰小区');
  });
});
