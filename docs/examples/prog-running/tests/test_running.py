"""The running plugin's own tests, written with prog's test kit (the `prog_kit` fixture)."""

import prog_running


def test_loads(prog_kit):
    prog_kit(prog_running.plugin).assert_loaded()


def test_midstance_drive(prog_kit):
    kit = prog_kit(prog_running.plugin)
    steps = kit.steps("sport running\nfunction running.midstance\nretest\n", ["better"])
    assert steps[0]["drive"] == {"sagittal": 0.0, "frontal": 2.0, "transverse": 1.0}
    assert steps[1]["outcome"] == "better"


def test_left_target_arm_drive_mirrors(prog_kit):
    kit = prog_kit(prog_running.plugin)
    right = kit.steps("target right glute-med\nsport running\ndriver left-hand arm-drive\n")
    left = kit.steps("target left glute-med\nsport running\ndriver right-hand arm-drive\n")
    assert (
        right[0]["drive"]
        == left[0]["drive"]
        == {"sagittal": 0.0, "frontal": 0.0, "transverse": 1.0}
    )


def test_rule_examples(prog_kit):
    prog_kit(prog_running.plugin).assert_rule_examples()


def test_rule_fires_where_expected(prog_kit):
    kit = prog_kit(prog_running.plugin)
    assert "R101" in kit.codes("sport running\npivot frontal\nretest\n")
    assert "R101" not in kit.codes("sport running\nfunction running.toe-off\nretest\n")
