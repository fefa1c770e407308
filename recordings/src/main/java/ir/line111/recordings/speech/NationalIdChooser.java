package ir.line111.recordings.speech;

import ir.line111.core.domain.identity.NationalId;
import ir.line111.core.domain.speech.NationalIdRecognizer.Recognition;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Picks the national ID out of the recogniser's n-best list. {@link NationalId#parse} is the only
 * judge of validity; the chooser only decides which heard string to put before it.
 *
 * <p>Every alternative is parsed into its readings; a reading of nine digits gets its dropped
 * leading zero back only when that makes a valid ID (callers often skip the first "صفر"). The
 * alternatives' scores become a posterior by softmax, and the probability of an ID is the sum over
 * the alternatives that yield it. The chosen ID is the most probable valid one; it is
 * <em>certain</em> when that probability reaches the threshold, it came from the best alternative's
 * first reading, and no zero had to be restored. Because remainders 1 and 10 share a check digit a
 * valid checksum never proves the digits right: the IVR reads them back in every case.
 */
public final class NationalIdChooser {

    private final double certainThreshold;

    public NationalIdChooser(double certainThreshold) {
        this.certainThreshold = certainThreshold;
    }

    private record Candidate(String digits, boolean direct) {}

    public Recognition choose(List<Hypothesis> nbest) {
        if (nbest.isEmpty()) return new Recognition.NotUnderstood("nothing was heard");
        double[] posterior = posteriors(nbest);
        Map<String, Double> mass = new LinkedHashMap<>();
        String firstDirect = null;
        String bestHeard = "";
        for (int h = 0; h < nbest.size(); h++) {
            SpokenDigitsParser.Parse parse = SpokenDigitsParser.parse(nbest.get(h).text());
            if (h == 0) bestHeard = parse.best();
            List<Candidate> candidates = candidates(parse.readings());
            // Each alternative votes once per distinct ID, with its whole weight.
            List<String> seen = new ArrayList<>();
            for (int c = 0; c < candidates.size(); c++) {
                Candidate cand = candidates.get(c);
                if (seen.contains(cand.digits())) continue;
                seen.add(cand.digits());
                mass.merge(cand.digits(), posterior[h], Double::sum);
                if (h == 0 && c == 0 && cand.direct()) firstDirect = cand.digits();
            }
        }
        if (mass.isEmpty()) {
            return new Recognition.NotUnderstood(bestHeard.isEmpty()
                    ? "no digits were heard"
                    : "heard " + bestHeard.length() + " digits but no valid national ID");
        }
        String chosen = null;
        double best = -1;
        for (var e : mass.entrySet()) {
            if (e.getValue() > best) { best = e.getValue(); chosen = e.getKey(); }
        }
        double wordConf = nbest.getFirst().minWordConfidence();
        double confidence = Double.isNaN(wordConf) ? best : best * wordConf;
        boolean certain = confidence >= certainThreshold && chosen.equals(firstDirect);
        List<String> alternatives = new ArrayList<>(mass.keySet());
        alternatives.remove(chosen);
        return new Recognition.Recognised(chosen, confidence, certain, List.copyOf(alternatives));
    }

    /** The valid IDs among the readings, in reading order; {@code direct} when no zero was restored. */
    private static List<Candidate> candidates(List<String> readings) {
        List<Candidate> out = new ArrayList<>();
        for (String r : readings) {
            if (r.length() == 10 && valid(r)) out.add(new Candidate(r, true));
            else if (r.length() == 9 && valid("0" + r)) out.add(new Candidate("0" + r, false));
        }
        return out;
    }

    private static boolean valid(String digits) {
        return NationalId.parse(digits) instanceof NationalId.Parsed.Valid;
    }

    /** Softmax of the scores; equal weights when the engine gave none. */
    static double[] posteriors(List<Hypothesis> nbest) {
        double[] p = new double[nbest.size()];
        boolean scored = nbest.stream().noneMatch(h -> Double.isNaN(h.score()));
        if (!scored) {
            // Without scores only the order is known: the first alternative gets the most weight.
            double sum = 0;
            for (int i = 0; i < p.length; i++) { p[i] = 1.0 / (i + 1); sum += p[i]; }
            for (int i = 0; i < p.length; i++) p[i] /= sum;
            return p;
        }
        double max = nbest.stream().mapToDouble(Hypothesis::score).max().orElse(0);
        double sum = 0;
        for (int i = 0; i < p.length; i++) { p[i] = Math.exp(nbest.get(i).score() - max); sum += p[i]; }
        for (int i = 0; i < p.length; i++) p[i] /= sum;
        return p;
    }
}
