package dev.voxloop.intent.embedded;

import dev.voxloop.core.intent.IssueType;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * How likely each ticket type is for a sentence embedding: a softmax (multinomial logistic) regression trained on
 * the embedded type prototypes when the model loads. Every prototype shapes one smooth boundary between the types,
 * so a few words heard differently move the probabilities a little; the mean of the nearest few prototypes, which
 * this replaced, jumped whenever another prototype became one of the nearest, and flipped the type of a spoken
 * request against its typed text on near ties.
 *
 * <p>Training is full-batch gradient descent from zero weights, so the same prototypes always give the same
 * model (about 0.6 s for ~280 prototypes of 384 dimensions, in the model's background load).
 */
final class TypeRegression {

    /** Passes of full-batch descent over the prototypes. */
    static final int PASSES = 400;
    /** Step size of the descent on unit-length inputs. */
    static final double STEP = 2.0;
    /** L2 penalty on the weights: keeps the probabilities from saturating on prototypes it fits exactly. */
    static final double PENALTY = 0.001;

    private final IssueType[] types;
    private final double[][] weights;
    private final double[] bias;

    private TypeRegression(IssueType[] types, double[][] weights, double[] bias) {
        this.types = types;
        this.weights = weights;
        this.bias = bias;
    }

    /** Trains on the embedded prototypes of each type (at least two types, one vector each, all one length). */
    static TypeRegression train(Map<IssueType, List<float[]>> prototypes) {
        if (prototypes.size() < 2 || prototypes.values().stream().anyMatch(List::isEmpty)) {
            throw new IllegalArgumentException("every type needs prototypes, and there must be two types or more");
        }
        IssueType[] types = prototypes.keySet().toArray(IssueType[]::new);
        List<double[]> inputs = new ArrayList<>();
        int[] labels = new int[prototypes.values().stream().mapToInt(List::size).sum()];
        for (int c = 0; c < types.length; c++) {
            for (float[] v : prototypes.get(types[c])) {
                labels[inputs.size()] = c;
                inputs.add(unit(v));
            }
        }
        int dims = inputs.getFirst().length;
        TypeRegression model = new TypeRegression(types, new double[types.length][dims], new double[types.length]);
        double n = inputs.size();
        for (int pass = 0; pass < PASSES; pass++) {
            double[][] gradW = new double[types.length][dims];
            double[] gradB = new double[types.length];
            for (int i = 0; i < inputs.size(); i++) {
                double[] x = inputs.get(i);
                double[] p = model.softmax(x);
                for (int c = 0; c < types.length; c++) {
                    double g = p[c] - (labels[i] == c ? 1 : 0);
                    gradB[c] += g;
                    for (int j = 0; j < dims; j++) {
                        gradW[c][j] += g * x[j];
                    }
                }
            }
            for (int c = 0; c < types.length; c++) {
                model.bias[c] -= STEP * gradB[c] / n;
                for (int j = 0; j < dims; j++) {
                    model.weights[c][j] -= STEP * (gradW[c][j] / n + PENALTY * model.weights[c][j]);
                }
            }
        }
        return model;
    }

    /** The probability of each type for one embedding; they sum to 1. */
    Map<IssueType, Double> probabilities(float[] embedding) {
        double[] x = unit(embedding);
        if (x.length != weights[0].length) {
            throw new IllegalArgumentException("an embedding of " + x.length + " dimensions, trained on "
                    + weights[0].length);
        }
        double[] p = softmax(x);
        Map<IssueType, Double> out = new EnumMap<>(IssueType.class);
        for (int c = 0; c < types.length; c++) {
            out.put(types[c], p[c]);
        }
        return out;
    }

    private double[] softmax(double[] x) {
        double[] z = new double[types.length];
        double max = Double.NEGATIVE_INFINITY;
        for (int c = 0; c < types.length; c++) {
            double s = bias[c];
            for (int j = 0; j < x.length; j++) {
                s += weights[c][j] * x[j];
            }
            z[c] = s;
            max = Math.max(max, s);
        }
        double sum = 0;
        for (int c = 0; c < z.length; c++) {
            z[c] = Math.exp(z[c] - max);
            sum += z[c];
        }
        for (int c = 0; c < z.length; c++) {
            z[c] /= sum;
        }
        return z;
    }

    /** The vector scaled to length 1 (the model's embeddings are compared by direction, not length). */
    private static double[] unit(float[] v) {
        double norm = 0;
        for (float f : v) {
            norm += (double) f * f;
        }
        double scale = norm == 0 ? 0 : 1 / Math.sqrt(norm);
        double[] out = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = v[i] * scale;
        }
        return out;
    }
}
