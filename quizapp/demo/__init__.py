"""Demo data for a first look at the teacher side: `flask --app quizapp --debug demo`."""
