"""Running for prog: the stance leg's phases of the gait cycle, an arm drive, one rule."""

from dsl.plugin import Direction, Effect, Finding, Handed, Phase, Plugin, Rule, Sport

# Effects on a right target hip, the right leg being the stance leg. Running has no
# handedness, so each effect is the same for `handed left` and `handed right`.
PHASES = [
    Phase("initial-contact", Handed.same(Effect(sagittal=2)),
          doc="foot strike: the hip flexed ahead of the body", source="clinical reasoning"),
    Phase("midstance", Handed.same(Effect(frontal=2, transverse=1)),
          doc="the pelvis drops toward the swing side", source="clinical reasoning"),
    Phase("toe-off", Handed.same(Effect(sagittal=-2)),
          doc="the hip extends behind the body", source="clinical reasoning"),
]

# The arm opposite the stance leg swings forward in midstance; driving it across the body
# rotates the pelvis over the stance hip. Written per limb for a right stance hip: running
# has no lead or trail hand, so the core's mirroring does the rest for a left target.
ARM_DRIVE = Direction(
    "arm-drive",
    effects={
        "left-hand": Handed.same(Effect(transverse=1)),
        "right-hand": Handed.same(Effect(transverse=-1)),
    },
    doc="the arm swing driven across the body",
    source="clinical reasoning",
)


def never_runs(ctx):
    """R101: a running program should run: fire the muscle in a running phase at least once."""
    if "running" not in ctx.sports or not ctx.steps:
        return
    if not any((step.base or "").startswith("function running.") for step in ctx.steps):
        yield Finding(ctx.steps[-1].node.span,
                      "this running program never uses a running phase as its base movement",
                      hint="fire the muscle in the gait cycle: `function running.midstance`")


plugin = Plugin(
    name="running",
    version="1.0.0",
    api_version=1,  # the plugin API this plugin is written for
    code_prefix="R",
    sports=[Sport("running", phases=PHASES, directions=[ARM_DRIVE])],
    rules=[
        Rule(
            code="R101",
            summary="a running program that never uses a running phase",
            check=never_runs,
            explain="The method fires the muscle in the patient's own function. For a runner "
                    "that means a phase of the gait cycle, not only pivots.",
            bad="sport running\npivot frontal\nretest\n",
            good="sport running\nfunction running.midstance\nretest\n",
        )
    ],
)
