package org.aesweep.spec;

/**
 * What an architecture entry's own {@code training} block changes in the sweep's recipe, so one
 * spec can train each network the way its study did. A null field keeps the sweep's value.
 *
 * @param earlyStoppingPatience epochs without a lower validation loss before the entry's runs stop
 *                              (0 = off); the divergence rule stays the sweep's
 */
public record RecipeOverrides(Integer epochs, Integer batchSize, OptimizerKind optimizer, Double learningRate,
                              Integer earlyStoppingPatience) {
    public static RecipeOverrides none() {
        return new RecipeOverrides(null, null, null, null, null);
    }

    /** The sweep's recipe with these overrides applied. */
    public TrainingRecipe applyTo(TrainingRecipe sweepRecipe) {
        StoppingSpec stopping = earlyStoppingPatience == null ? sweepRecipe.stopping()
                : new StoppingSpec(sweepRecipe.stopping().divergenceFactor(), earlyStoppingPatience);
        return new TrainingRecipe(
                epochs == null ? sweepRecipe.epochs() : epochs,
                batchSize == null ? sweepRecipe.batchSize() : batchSize,
                optimizer == null ? sweepRecipe.optimizer() : optimizer,
                learningRate == null ? sweepRecipe.learningRate() : learningRate,
                sweepRecipe.loss(), stopping);
    }
}
