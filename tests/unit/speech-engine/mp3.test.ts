/** MPEG audio frame headers (checked against the ISO 11172-3 / 13818-3 tables) and the LAME writer. */
import { describe, expect, it } from '@jest/globals'
import { CODEC_DELAY_SAMPLES, readFrameHeader, readFrames } from '@/lib/speech'
import { Mp3Writer } from '@/lib/speech/mp3'

describe('readFrameHeader', () => {
  it('reads an MPEG-2 Layer III mono 48 kbps 22.05 kHz header', () => {
    // 1111 1111 | 111 10 01 1 | 0110 00 0 0 | 11 00 0 1 00
    // sync, MPEG-2, Layer III, no CRC | bitrate index 6, rate index 0, no padding | mono
    expect(readFrameHeader(Uint8Array.of(0xff, 0xf3, 0x60, 0xc4), 0)).toEqual({
      version: 2,
      bitrateKbps: 48,
      sampleRate: 22050,
      channels: 1,
      bytes: 156, // 72 × 48000 / 22050 = 156.7, rounded down
      samples: 576,
    })
  })

  it('reads an MPEG-1 Layer III joint-stereo 128 kbps 44.1 kHz header with padding', () => {
    // bitrate index 9, rate index 0, padding 1, mode 01
    expect(readFrameHeader(Uint8Array.of(0xff, 0xfb, 0x92, 0x64), 0)).toEqual({
      version: 1,
      bitrateKbps: 128,
      sampleRate: 44100,
      channels: 2,
      bytes: 418, // 144 × 128000 / 44100 = 417.96 → 417, + 1 padding
      samples: 1152,
    })
  })

  it('rejects what is not a Layer III frame', () => {
    expect(readFrameHeader(Uint8Array.of(0x49, 0x44, 0x33, 0x04), 0)).toBeNull() // "ID3"
    expect(readFrameHeader(Uint8Array.of(0xff, 0xfd, 0x60, 0xc4), 0)).toBeNull() // Layer II
    expect(readFrameHeader(Uint8Array.of(0xff, 0xf3, 0xf0, 0xc4), 0)).toBeNull() // bad bitrate
    expect(readFrameHeader(Uint8Array.of(0xff, 0xf3, 0x60), 0)).toBeNull() // truncated
    expect(() => readFrames(Uint8Array.of(0xff, 0xf3, 0x60, 0xc4, 0, 0))).toThrow(/MP3/)
  })
})

describe('Mp3Writer', () => {
  it('writes constant-bitrate mono frames that cover the input plus the codec delay', async () => {
    const sampleRate = 22050
    const tone = Int16Array.from({ length: sampleRate * 2 }, (_, i) => Math.round(8000 * Math.sin((2 * Math.PI * 440 * i) / sampleRate)))
    const writer = new Mp3Writer(sampleRate, 48)
    await writer.write(tone.subarray(0, 10000))
    await writer.writeSilence(5000)
    await writer.write(tone.subarray(10000))
    const mp3 = await writer.finish()
    const frames = readFrames(mp3)
    for (const frame of frames) expect(frame).toMatchObject({ version: 2, sampleRate, channels: 1, bitrateKbps: 48 })
    const input = tone.length + 5000
    const decoded = frames.reduce((sum, frame) => sum + frame.samples, 0)
    expect(decoded).toBeGreaterThanOrEqual(input + CODEC_DELAY_SAMPLES)
    expect(decoded).toBeLessThanOrEqual(input + CODEC_DELAY_SAMPLES + 2 * 576)
    // 48 kbps: 6000 bytes per second of audio.
    expect(Math.abs(mp3.length - (decoded / sampleRate) * 6000)).toBeLessThan(157)
  })
})
