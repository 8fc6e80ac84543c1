"""Medical records (restricted) and the fitness summary everyone may see."""
