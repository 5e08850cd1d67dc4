// Ten of the suite's 60 specs (see toggle.js).
require('./toggle')(10);
