/** `npm run bench:speed`: placeholder until the speed benchmark lands. */
console.log('speed benchmark: not yet written');
