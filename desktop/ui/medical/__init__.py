"""The medical team's worklist and records (restricted) and the fitness shown to all."""
