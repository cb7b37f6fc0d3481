"""Shared pytest set-up: hypothesis profiles (bounded in CI, larger locally)."""
import os

from hypothesis import HealthCheck, settings

settings.register_profile("ci", max_examples=40, deadline=None,
                          suppress_health_check=[HealthCheck.too_slow])
settings.register_profile("dev", max_examples=500, deadline=None,
                          suppress_health_check=[HealthCheck.too_slow])
settings.load_profile(os.environ.get("NUMC_HYPOTHESIS_PROFILE", "ci"))
