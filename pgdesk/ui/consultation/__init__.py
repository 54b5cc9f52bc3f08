"""The consultation as steps: spinnenweb, focus, actiewiel, plan, summary."""
