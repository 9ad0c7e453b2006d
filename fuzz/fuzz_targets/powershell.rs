#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| xmpp_federation_fuzz::powershell(data));
