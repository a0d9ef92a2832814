"""Summary tables kept exact by database triggers in the writer's own transaction; KPIs and page figures read them.

spec: what each summary holds; sql and reach: its triggers and rebuild; maintain: install, rebuild, check;
reads: the figures the KPIs and pages take from them.
"""
