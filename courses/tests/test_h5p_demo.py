"""Demo H5P data and the project's own quiz library."""

import json
import shutil
import subprocess

import pytest

from courses.h5p import demo
from courses.h5p.demo import LIBRARIES
from courses.models import H5PContent, H5PLibrary

pytestmark = pytest.mark.django_db

QUIZ = LIBRARIES / "H5P.DigiskillsQuiz-1.1"
NODE = shutil.which("node")


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.MEDIA_ROOT.mkdir()
    return settings.MEDIA_ROOT


def test_seed_installs_the_quiz_and_one_activity_per_language():
    demo.seed()

    library = H5PLibrary.objects.get()
    assert str(library) == "H5P.DigiskillsQuiz 1.1.0"
    assert sorted(H5PContent.objects.values_list("language", flat=True)) == [
        "de",
        "en",
        "fr",
        "nl",
    ]
    titles = dict(H5PContent.objects.values_list("language", "title"))
    assert titles["nl"] == "Sterke wachtwoorden"
    assert titles["de"] == "Starke Passwörter"


def test_seed_twice_changes_nothing():
    demo.seed()
    demo.seed()

    assert H5PLibrary.objects.count() == 1
    assert H5PContent.objects.count() == 4


def test_demo_activity_texts_are_in_the_activity_language():
    demo.seed()

    french = H5PContent.objects.get(language="fr").parameters
    assert french["l10n"]["check"] == "Vérifier"
    assert french["questions"][0]["text"] == "Quel mot de passe est le plus solide ?"
    assert french["questions"][0]["imageAlt"].startswith("Un cadenas")


def test_quiz_library_minor_version_is_at_least_one():
    metadata = json.loads((QUIZ / "library.json").read_text())

    # h5p-standalone drops a minor version of 0 from the folder it loads.
    assert metadata["minorVersion"] >= 1
    assert metadata["runnable"] == 1


def test_quiz_reports_its_score_by_xapi_and_saves_its_state():
    script = (QUIZ / "quiz.js").read_text()

    assert "triggerXAPIScored(score, max, 'answered'" in script
    assert "triggerXAPIScored(score, max, 'completed'" in script
    assert "getCurrentState" in script


@pytest.mark.skipif(NODE is None, reason="Node.js is not installed")
def test_quiz_script_scores_and_resumes_in_a_minimal_h5p_runtime(tmp_path):
    """Run quiz.js under Node with the small part of H5P core it uses."""
    runner = tmp_path / "run.js"
    runner.write_text(
        """
const events = [];
global.H5P = {
  EventDispatcher: function () {},
  getPath: (path) => path,
};
H5P.EventDispatcher.prototype.trigger = function () {};
H5P.EventDispatcher.prototype.triggerXAPI = function () {};
H5P.EventDispatcher.prototype.triggerXAPIScored = function (score, max, verb, done, ok) {
  events.push([verb, score, max, done, ok]);
};
require(process.argv[2]);
const params = JSON.parse(process.argv[3]);
const quiz = new H5P.DigiskillsQuiz(params, 1, {});
quiz.render = function () {};
quiz.root = {querySelector: () => null};
quiz.answers = [1, 0, 0];
quiz.checked = [true, true, true];
quiz.finish();
const resumed = new H5P.DigiskillsQuiz(params, 1, {previousState: quiz.getCurrentState()});
const forged = new H5P.DigiskillsQuiz(params, 1, {previousState: {answers: [99, "x"], index: 50}});
console.log(JSON.stringify({
  events, resumed: resumed.getScore(), forged: forged.getScore(), index: forged.index,
}));
"""
    )
    params = {
        "passPercentage": 60,
        "questions": [
            {
                "text": "q",
                "answers": [{"text": "a", "correct": False}, {"text": "b", "correct": True}],
            },
            {
                "text": "q",
                "answers": [{"text": "a", "correct": True}, {"text": "b", "correct": False}],
            },
            {
                "text": "q",
                "answers": [{"text": "a", "correct": False}, {"text": "b", "correct": True}],
            },
        ],
    }

    result = subprocess.run(  # noqa: S603 (our own script, our own arguments)
        [NODE, str(runner), str(QUIZ / "quiz.js"), json.dumps(params)],
        capture_output=True,
        text=True,
        timeout=30,
        check=True,
    )

    output = json.loads(result.stdout)
    assert output["events"] == [["answered", 2, 3, True, True], ["completed", 2, 3, True, True]]
    assert output["resumed"] == 2
    assert (output["forged"], output["index"]) == (0, 2)
