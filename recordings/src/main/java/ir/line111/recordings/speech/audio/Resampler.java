package ir.line111.recordings.speech.audio;

/**
 * Rational-ratio resampling with a Hann-windowed sinc, polyphase so each output sample costs
 * {@code 2 * HALF_WIDTH} multiply-adds. Vosk only downsamples, and telephone audio is 8 kHz while the
 * Persian models are 16 kHz, so the upsampling happens here.
 */
public final class Resampler {

    /** Input samples on each side of the output point; 16 keeps the passband flat to ~3.6 kHz. */
    static final int HALF_WIDTH = 16;

    private Resampler() {}

    public static short[] resample(short[] in, int fromRate, int toRate) {
        if (fromRate == toRate) return in.clone();
        int g = gcd(fromRate, toRate);
        int up = toRate / g, down = fromRate / g;
        // Cutoff relative to the input's Nyquist: below the lower of the two rates.
        double cutoff = Math.min(1.0, (double) toRate / fromRate) * 0.95;
        int width = (int) Math.ceil(HALF_WIDTH / Math.min(1.0, cutoff));
        double[][] phases = new double[up][2 * width];
        for (int p = 0; p < up; p++) {
            double frac = (double) p / up;   // output point lies frac input samples after the base
            for (int k = 0; k < 2 * width; k++) {
                double t = (k - width + 1) - frac;   // input index offset relative to the output point
                phases[p][k] = cutoff * sinc(cutoff * t) * hann(t, width);
            }
        }
        long outLength = (long) in.length * up / down;
        short[] out = new short[(int) outLength];
        for (int n = 0; n < out.length; n++) {
            long pos = (long) n * down;   // position in units of 1/up input samples
            int base = (int) (pos / up);
            double[] h = phases[(int) (pos % up)];
            double acc = 0;
            for (int k = 0; k < h.length; k++) {
                int i = base + k - width + 1;
                if (i >= 0 && i < in.length) acc += in[i] * h[k];
            }
            out[n] = (short) Math.max(Short.MIN_VALUE, Math.min(Short.MAX_VALUE, Math.round(acc)));
        }
        return out;
    }

    private static double sinc(double x) {
        if (Math.abs(x) < 1e-9) return 1.0;
        return Math.sin(Math.PI * x) / (Math.PI * x);
    }

    private static double hann(double t, int width) {
        double x = t / width;
        return Math.abs(x) >= 1 ? 0 : 0.5 * (1 + Math.cos(Math.PI * x));
    }

    private static int gcd(int a, int b) {
        return b == 0 ? a : gcd(b, a % b);
    }
}
