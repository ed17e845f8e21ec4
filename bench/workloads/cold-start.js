// Loads one module, for the cold-start figure: `node cold-start.js <module path or name>`.
'use strict';
require(process.argv[2]);
